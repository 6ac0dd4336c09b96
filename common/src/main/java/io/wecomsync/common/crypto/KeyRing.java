package io.wecomsync.common.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AES-256-GCM under rotatable keys. A sealed value is {@code keyId:base64(iv ‖ ciphertext ‖ tag)} with
 * a random 12-byte IV; new values use the active key, values under any listed key still open. The
 * caller names what a value is ({@code aad}), so a value sealed as one thing cannot be opened as
 * another.
 */
public final class KeyRing {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Keys  key id → base64 of 32 bytes
     * @param activeKeyId the id new values are sealed with
     * @param property    the configuration prefix, named in error messages (e.g. {@code mdm.pii.keys})
     */
    public KeyRing(Map<String, String> base64Keys, String activeKeyId, String property) {
        if (base64Keys == null || base64Keys.isEmpty()) {
            throw new IllegalStateException(property + " is empty: configure at least one AES-256 key "
                    + "(base64 of 32 random bytes)");
        }
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        base64Keys.forEach((id, base64) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException(property + ": key id '" + id + "' must be 1-16 letters, digits, '_' or '-'");
            }
            byte[] key = decodeBase64(property + "." + id, base64);
            if (key.length != 32) {
                throw new IllegalStateException(property + "." + id + " must be 32 bytes (AES-256), got " + key.length);
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        });
        if (activeKeyId == null || !parsed.containsKey(activeKeyId)) {
            throw new IllegalStateException("the active key id must name one of " + property + " " + parsed.keySet()
                    + ", got '" + activeKeyId + "'");
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = activeKeyId;
    }

    public String encrypt(String aad, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String aad, String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        SecretKeySpec key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("a stored " + aad + " uses an unknown key id; is an old key missing?");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored " + aad + " cannot be decrypted", e);
        }
    }

    /**
     * A fixed key derived from a public label: for the local and test profiles only, so their data
     * stays readable across restarts. Never use it where the data matters.
     */
    public static String developmentKey(String label) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] decodeBase64(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is not set");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
    }
}

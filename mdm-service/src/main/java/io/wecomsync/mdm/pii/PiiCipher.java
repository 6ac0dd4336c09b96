package io.wecomsync.mdm.pii;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Encrypts mobile and email at rest and computes their lookup hashes.
 *
 * <p>A stored value is {@code keyId:base64(iv ‖ AES-256-GCM ciphertext ‖ tag)} with a random 12-byte
 * IV; the field name is bound in as associated data, so a mobile ciphertext cannot be passed off as
 * an email. The key id lets keys rotate: new values use the active key, old ones still decrypt.
 * Lookup hashes are HMAC-SHA256 over a normalized value, so equal numbers written differently match.
 */
public final class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PiiProperties properties) {
        if (properties.keys().isEmpty()) {
            throw new IllegalStateException("mdm.pii.keys is empty: configure at least one AES-256 key "
                    + "(e.g. MDM_PII_KEYS_K1=<base64 of 32 random bytes>)");
        }
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("mdm.pii.keys: key id '" + id + "' must be 1-16 letters, digits, '_' or '-'");
            }
            byte[] key = decode("mdm.pii.keys." + id, base64);
            if (key.length != 32) {
                throw new IllegalStateException("mdm.pii.keys." + id + " must be 32 bytes (AES-256), got " + key.length);
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        });
        if (properties.activeKeyId() == null || !parsed.containsKey(properties.activeKeyId())) {
            throw new IllegalStateException("mdm.pii.active-key-id must name one of mdm.pii.keys " + parsed.keySet()
                    + ", got '" + properties.activeKeyId() + "'");
        }
        byte[] mac = decode("mdm.pii.hash-key", properties.hashKey());
        if (mac.length < 32) {
            throw new IllegalStateException("mdm.pii.hash-key must be at least 32 bytes, got " + mac.length);
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = properties.activeKeyId();
        this.hashKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    public String encrypt(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String field, String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        SecretKeySpec key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("a stored " + field + " uses an unknown key id; is an old key missing from mdm.pii.keys?");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored " + field + " cannot be decrypted", e);
        }
    }

    /** Lookup hash of a mobile number: digits and a leading '+' only. */
    public String mobileHash(String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return null;
        }
        return hmac(mobile.strip().replaceAll("[\\s-]", ""));
    }

    /** Lookup hash of an email address, case-insensitive. */
    public String emailHash(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return hmac(email.strip().toLowerCase(Locale.ROOT));
    }

    private String hmac(String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    private static byte[] decode(String property, String base64) {
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

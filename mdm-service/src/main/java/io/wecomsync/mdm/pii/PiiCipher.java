package io.wecomsync.mdm.pii;

import io.wecomsync.common.crypto.KeyRing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Encrypts mobile and email at rest and computes their lookup hashes.
 *
 * <p>Values are sealed by a {@link KeyRing} ({@code keyId:base64(iv ‖ AES-256-GCM ciphertext ‖ tag)});
 * the field name is bound in as associated data, so a mobile ciphertext cannot be passed off as an
 * email. The key id lets keys rotate: new values use the active key, old ones still decrypt.
 * Lookup hashes are HMAC-SHA256 over a normalized value, so equal numbers written differently match.
 */
public final class PiiCipher {

    private final KeyRing keys;
    private final SecretKeySpec hashKey;

    public PiiCipher(PiiProperties properties) {
        if (properties.keys().isEmpty()) {
            throw new IllegalStateException("mdm.pii.keys is empty: configure at least one AES-256 key "
                    + "(e.g. MDM_PII_KEYS_K1=<base64 of 32 random bytes>)");
        }
        this.keys = new KeyRing(properties.keys(), properties.activeKeyId(), "mdm.pii.keys");
        byte[] mac = KeyRing.decodeBase64("mdm.pii.hash-key", properties.hashKey());
        if (mac.length < 32) {
            throw new IllegalStateException("mdm.pii.hash-key must be at least 32 bytes, got " + mac.length);
        }
        this.hashKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    public String encrypt(String field, String plaintext) {
        return keys.encrypt(field, plaintext);
    }

    public String decrypt(String field, String stored) {
        return keys.decrypt(field, stored);
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
}

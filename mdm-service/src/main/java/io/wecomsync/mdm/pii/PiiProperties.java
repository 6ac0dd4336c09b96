package io.wecomsync.mdm.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Keys for personal data at rest ({@code mdm.pii.*}); set them from the environment, never in a
 * committed file.
 *
 * @param keys        key id → base64 AES-256 key (32 bytes). Old keys stay listed so old rows still decrypt.
 * @param activeKeyId the key new values are encrypted with
 * @param hashKey     base64 HMAC-SHA256 key (at least 32 bytes) for the lookup hashes of mobile and email
 */
@ConfigurationProperties("mdm.pii")
public record PiiProperties(Map<String, String> keys, String activeKeyId, String hashKey) {

    public PiiProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    public boolean isConfigured() {
        return !keys.isEmpty() || activeKeyId != null || hashKey != null;
    }

    @Override
    public String toString() {
        return "PiiProperties[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + ", hashKey=***]";
    }
}

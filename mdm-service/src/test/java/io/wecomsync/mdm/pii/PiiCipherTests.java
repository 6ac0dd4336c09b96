package io.wecomsync.mdm.pii;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiCipherTests {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String HASH_KEY = Base64.getEncoder().encodeToString("hash-key-hash-key-hash-key-hash!".getBytes());

    private final PiiCipher cipher = new PiiCipher(new PiiProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));

    @Test
    void encryptsWithARandomIvAndDecryptsBack() {
        String first = cipher.encrypt("mobile", "13800000000");
        String second = cipher.encrypt("mobile", "13800000000");

        assertThat(first).startsWith("k1:").isNotEqualTo(second).doesNotContain("13800000000");
        assertThat(cipher.decrypt("mobile", first)).isEqualTo("13800000000");
    }

    @Test
    void oldValuesStillDecryptAfterTheActiveKeyRotates() {
        String underOldKey = cipher.encrypt("email", "a@b.c");
        PiiCipher rotated = new PiiCipher(new PiiProperties(Map.of("k1", KEY_1, "k2", KEY_2), "k2", HASH_KEY));

        assertThat(rotated.encrypt("email", "a@b.c")).startsWith("k2:");
        assertThat(rotated.decrypt("email", underOldKey)).isEqualTo("a@b.c");
    }

    @Test
    void aCiphertextCannotBePassedOffAsAnotherFieldOrTamperedWith() {
        String mobile = cipher.encrypt("mobile", "13800000000");
        char[] tampered = mobile.toCharArray();
        tampered[10] = tampered[10] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.decrypt("email", mobile)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("mobile", new String(tampered))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupHashesIgnoreFormatting() {
        assertThat(cipher.mobileHash("138 0000-0000")).isEqualTo(cipher.mobileHash("13800000000")).hasSize(64);
        assertThat(cipher.emailHash(" Zhang@Example.COM")).isEqualTo(cipher.emailHash("zhang@example.com"));
        assertThat(cipher.mobileHash("")).isNull();
    }

    @Test
    void badKeysAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties(Map.of(), null, null)))
                .hasMessageContaining("mdm.pii.keys is empty");
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties(Map.of("k1", "c2hvcnQ="), "k1", HASH_KEY)))
                .hasMessageContaining("mdm.pii.keys.k1 must be 32 bytes");
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties(Map.of("k1", KEY_1), "k9", HASH_KEY)))
                .hasMessageContaining("active key id");
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties(Map.of("k1", KEY_1), "k1", null)))
                .hasMessageContaining("mdm.pii.hash-key is not set");
    }
}

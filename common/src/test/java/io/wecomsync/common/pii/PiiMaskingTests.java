package io.wecomsync.common.pii;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiMaskingTests {

    @Test
    void masksTheMiddleOfAMobileNumber() {
        assertThat(PiiMasking.maskMobile("13800000000")).isEqualTo("138****0000");
        assertThat(PiiMasking.maskMobile("+8613812345678")).isEqualTo("+86****5678");
        assertThat(PiiMasking.maskMobile("12345")).isEqualTo("*****");
        assertThat(PiiMasking.maskMobile(null)).isNull();
    }

    @Test
    void keepsOnlyTheFirstLetterAndTheDomainOfAnEmail() {
        assertThat(PiiMasking.maskEmail("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(PiiMasking.maskEmail("not-an-email")).isEqualTo("***");
        assertThat(PiiMasking.maskEmail(null)).isNull();
    }
}

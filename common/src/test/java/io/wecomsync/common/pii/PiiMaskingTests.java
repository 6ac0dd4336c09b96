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

    @Test
    void masksALandlineLikeAMobileNumber() {
        assertThat(PiiMasking.maskTelephone("0755-86013388")).isEqualTo("075****3388");
        assertThat(PiiMasking.maskTelephone("8601")).isEqualTo("****");
    }

    @Test
    void keepsOnlyTheProvinceOfAnAddress() {
        assertThat(PiiMasking.maskAddress("广东省深圳市南山区科技园1号")).isEqualTo("广东省***");
        assertThat(PiiMasking.maskAddress("北京市")).isEqualTo("***");
        assertThat(PiiMasking.maskAddress("\uD842\uDFB7城市中心路1号")).as("a character outside the BMP counts once")
                .isEqualTo("\uD842\uDFB7城市***");
        assertThat(PiiMasking.maskAddress(null)).isNull();
    }

    @Test
    void keepsOnlyTheFirstCharacterOfAName() {
        assertThat(PiiMasking.maskName("张三丰")).isEqualTo("张**");
        assertThat(PiiMasking.maskName("Zhang San")).isEqualTo("Z********");
        assertThat(PiiMasking.maskName("张")).isEqualTo("*");
        assertThat(PiiMasking.maskName(null)).isNull();
    }
}

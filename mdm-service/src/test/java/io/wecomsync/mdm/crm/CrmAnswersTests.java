package io.wecomsync.mdm.crm;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CrmAnswersTests {

    @Test
    void keepsTheCodeOfAJsonAnswerAndNothingOfItsText() {
        assertThat(code("{\"code\":\"DUPLICATE_MOBILE\",\"message\":\"13812345678 is used by 张三\"}"))
                .isEqualTo("code=DUPLICATE_MOBILE");
        assertThat(code("{\"errmsg\":\"bad\",\"errcode\":40013}")).isEqualTo("code=40013");
        assertThat(code("{\"error\":\"invalid_request\"}")).isEqualTo("code=invalid_request");
    }

    @Test
    void keepsNothingWhenTheAnswerHasNoCodeLikeToken() {
        assertThat(code("mobile 13812345678 already exists")).as("plain text").isNull();
        assertThat(code("{\"error\":\"user 张三 with mobile 13812345678 exists\"}")).as("a sentence").isNull();
        assertThat(code("{\"error\":{\"mobile\":\"13812345678\"}}")).as("an object").isNull();
        assertThat(code("[\"code\"]")).isNull();
        assertThat(code("")).isNull();
        assertThat(CrmAnswers.errorCode(null)).isNull();
    }

    @Test
    void aConnectionFailureIsNamedByItsKindOnly() {
        RuntimeException wrapped = new IllegalStateException("I/O error on POST request for \"https://crm.internal/x\"",
                new ConnectException("Connection refused: crm.internal/10.0.0.7:443"));

        assertThat(CrmAnswers.failure(wrapped)).isEqualTo("ConnectException");
    }

    private static String code(String body) {
        return CrmAnswers.errorCode(body.getBytes(StandardCharsets.UTF_8));
    }
}

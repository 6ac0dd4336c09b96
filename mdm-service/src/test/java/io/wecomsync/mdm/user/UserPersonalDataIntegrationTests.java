package io.wecomsync.mdm.user;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Instant;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UserPersonalDataIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-11-03T08:00:00Z");
    private static final String MOBILE = "13812345678";
    private static final String EMAIL = "Zhang.San@Example.com";

    private final String corp = newCorpId();

    @Test
    void mobileAndEmailColumnsHoldNoPlaintext() {
        http.put("/users/by-wx/{corp}/zs", user(T1, "mobile", MOBILE, "email", EMAIL, "bizMail", "zs@corp.example"), corp);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM mdm_user WHERE corp_id = ?", corp);
        String everything = row.values().toString();
        assertThat(everything).doesNotContain(MOBILE).doesNotContain("12345678")
                .doesNotContainIgnoringCase(EMAIL).doesNotContain("zs@corp.example");
        assertThat((String) row.get("mobile_cipher")).startsWith("dev:");
        assertThat((String) row.get("mobile_hash")).hasSize(64);
    }

    @Test
    void authorizedCallersReadPlaintextAndFindUsersByMobileOrEmail() {
        String userId = http.put("/users/by-wx/{corp}/zs", user(T1, "mobile", MOBILE, "email", EMAIL), corp)
                .data().path("data").path("userId").asText();

        Answer byMobile = http.get("/users?corpId={c}&mobile={m}", corp, "138-1234 5678");
        Answer byEmail = http.get("/users?corpId={c}&email={e}", corp, "zhang.san@example.COM");

        assertThat(byMobile.data()).hasSize(1);
        assertThat(byMobile.data().get(0).path("userId").asText()).isEqualTo(userId);
        assertThat(byMobile.data().get(0).path("mobile").asText()).isEqualTo(MOBILE);
        assertThat(byEmail.data().get(0).path("email").asText()).isEqualTo(EMAIL);
        assertThat(http.get("/users?corpId={c}&mobile=13900000000", corp).data()).isEmpty();
    }

    @Test
    void theOperationLogAndTheServiceLogShowMaskedValuesOnly(CapturedOutput output) {
        String userId = http.put("/users/by-wx/{corp}/zs", user(T1, "mobile", MOBILE, "email", EMAIL), corp)
                .data().path("data").path("userId").asText();
        http.put("/users/by-wx/{corp}/zs", user(T1.plusSeconds(1), "mobile", "13900001111"), corp);

        Answer log = http.get("/oper-logs?targetType=USER&targetId={id}", userId);

        String entries = log.data().path("items").toString();
        assertThat(entries).contains("138****5678").contains("139****1111").contains("Z***@Example.com")
                .doesNotContain(MOBILE).doesNotContain("13900001111").doesNotContain(EMAIL);
        assertThat(output.getAll()).doesNotContain(MOBILE).doesNotContain("13900001111").doesNotContain(EMAIL);
    }

    @Test
    void lookingUpWithTwoCriteriaIsRefused() {
        Answer both = http.get("/users?corpId={c}&mobile=1&email=a@b.c", corp);
        Answer none = http.get("/users?corpId={c}", corp);

        assertThat(both.status()).isEqualTo(400);
        assertThat(none.status()).isEqualTo(400);
        assertThat(both.msg()).contains("exactly one of wxUserId, mobile or email");
    }
}

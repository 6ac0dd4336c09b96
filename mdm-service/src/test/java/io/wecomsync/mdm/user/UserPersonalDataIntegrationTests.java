package io.wecomsync.mdm.user;

import com.fasterxml.jackson.databind.JsonNode;
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
    private static final String TELEPHONE = "0755-86013388";
    private static final String ADDRESS = "广东省深圳市南山区科技园1号";

    private final String corp = newCorpId();

    @Test
    void personalDataColumnsHoldNoPlaintext() {
        http.put("/users/by-wx/{corp}/zs", user(T1, "mobile", MOBILE, "email", EMAIL, "bizMail", "zs@corp.example",
                "telephone", TELEPHONE, "address", ADDRESS), corp);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM mdm_user WHERE corp_id = ?", corp);
        String everything = row.values().toString();
        assertThat(everything).doesNotContain(MOBILE).doesNotContain("12345678")
                .doesNotContainIgnoringCase(EMAIL).doesNotContain("zs@corp.example")
                .doesNotContain("86013388").doesNotContain("南山区");
        assertThat((String) row.get("mobile_cipher")).startsWith("dev:");
        assertThat((String) row.get("mobile_hash")).hasSize(64);
        assertThat((String) row.get("telephone_cipher")).startsWith("dev:");
        assertThat((String) row.get("address_cipher")).startsWith("dev:");
        JsonNode read = http.get("/users?corpId={c}&wxUserId=zs", corp).data().get(0);
        assertThat(read.path("telephone").asText()).isEqualTo(TELEPHONE);
        assertThat(read.path("address").asText()).isEqualTo(ADDRESS);
    }

    @Test
    void theLongestAddressFitsSealed() {
        String longest = "广".repeat(255);

        Answer stored = http.put("/users/by-wx/{corp}/far", user(T1, "address", longest), corp);

        assertThat(stored.status()).isEqualTo(200);
        assertThat(http.get("/users?corpId={c}&wxUserId=far", corp).data().get(0).path("address").asText()).isEqualTo(longest);
    }

    @Test
    void authorizedCallersReadPlaintextAndFindUsersByMobileOrEmail() {
        String userId = http.put("/users/by-wx/{corp}/zs", user(T1, "mobile", MOBILE, "email", EMAIL), corp)
                .data().path("data").path("userId").asText();

        Answer byMobile = http.post("/users/search", Map.of("corpId", corp, "mobile", "138-1234 5678"));
        Answer byEmail = http.post("/users/search", Map.of("corpId", corp, "email", "zhang.san@example.COM"));

        assertThat(byMobile.data()).hasSize(1);
        assertThat(byMobile.data().get(0).path("userId").asText()).isEqualTo(userId);
        assertThat(byMobile.data().get(0).path("mobile").asText()).isEqualTo(MOBILE);
        assertThat(byEmail.data().get(0).path("email").asText()).isEqualTo(EMAIL);
        assertThat(http.post("/users/search", Map.of("corpId", corp, "mobile", "13900000000")).data()).isEmpty();
    }

    @Test
    void theOperationLogAndTheServiceLogShowMaskedValuesOnly(CapturedOutput output) {
        String userId = http.put("/users/by-wx/{corp}/zs", user(T1, "mobile", MOBILE, "email", EMAIL,
                "telephone", TELEPHONE, "address", ADDRESS), corp).data().path("data").path("userId").asText();
        http.put("/users/by-wx/{corp}/zs", user(T1.plusSeconds(1), "mobile", "13900001111", "address", ""), corp);

        Answer log = http.get("/oper-logs?targetType=USER&targetId={id}", userId);

        String entries = log.data().path("items").toString();
        assertThat(entries).contains("138****5678").contains("139****1111").contains("Z***@Example.com")
                .contains("075****3388").contains("广东省***")
                .doesNotContain(MOBILE).doesNotContain("13900001111").doesNotContain(EMAIL)
                .doesNotContain("86013388").doesNotContain("南山区");
        assertThat(output.getAll()).doesNotContain(MOBILE).doesNotContain("13900001111").doesNotContain(EMAIL)
                .doesNotContain("86013388").doesNotContain("南山区");
    }

    @Test
    void lookingUpWithTwoCriteriaOrNoneIsRefused() {
        Answer both = http.post("/users/search", Map.of("corpId", corp, "mobile", "1", "email", "a@b.c"));
        Answer none = http.post("/users/search", Map.of("corpId", corp));
        Answer noCorp = http.post("/users/search", Map.of("mobile", MOBILE));

        assertThat(both.status()).isEqualTo(400);
        assertThat(none.status()).isEqualTo(400);
        assertThat(both.msg()).contains("exactly one of wxUserId, employeeNumber, mobile or email");
        assertThat(noCorp.status()).isEqualTo(400);
        assertThat(noCorp.msg()).contains("corpId").doesNotContain(MOBILE);
    }

    @Test
    void mobileAndEmailInAUrlAreRefusedWithWhereToPutThem() {
        Answer byMobile = http.get("/users?corpId={c}&mobile={m}", corp, MOBILE);
        Answer byEmail = http.get("/users?corpId={c}&email={e}", corp, EMAIL);

        assertThat(byMobile.status()).isEqualTo(400);
        assertThat(byMobile.msg()).contains("POST them to /users/search").doesNotContain(MOBILE);
        assertThat(byEmail.status()).isEqualTo(400);
    }
}

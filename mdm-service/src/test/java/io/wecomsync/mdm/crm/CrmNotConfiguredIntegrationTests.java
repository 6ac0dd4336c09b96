package io.wecomsync.mdm.crm;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "mdm.crm.base-url=")
class CrmNotConfiguredIntegrationTests extends MdmIntegrationTest {

    @Test
    void withoutACrmAPushIsRecordedAsSkipped() {
        String corp = newCorpId();
        String userId = http.put("/users/by-wx/{corp}/solo", user(Instant.parse("2026-11-04T00:00:00Z"), "name", "独行"), corp)
                .data().path("data").path("userId").asText();

        Answer skipped = http.post("/users/{id}/crm-sync", null, userId);

        assertThat(skipped.status()).isEqualTo(200);
        assertThat(skipped.data().path("status").asText()).isEqualTo("SKIPPED");
        assertThat(jdbc.queryForObject("SELECT status FROM mdm_crm_sync_attempt WHERE user_id = ?", String.class, userId))
                .isEqualTo("SKIPPED");
    }
}

package io.wecomsync.mdm.crm;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

class CrmPushIntegrationTests extends MdmIntegrationTest {

    private final String corp = newCorpId();

    @BeforeEach
    void resetCrm() {
        CRM.resetAll();
    }

    @Test
    void aSuccessfulPushSendsTheUserWithAnIdempotencyKeyAndIsRecorded() {
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        String userId = createUser("crm-ok");

        Answer first = http.post("/users/{id}/crm-sync", null, userId);
        Answer second = http.post("/users/{id}/crm-sync", null, userId);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(first.data().path("httpStatus").asInt()).isEqualTo(200);
        String key = first.data().path("idempotencyKey").asText();
        assertThat(second.data().path("idempotencyKey").asText()).as("same data, same key").isEqualTo(key);
        CRM.verify(2, postRequestedFor(urlEqualTo("/api/users/sync"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(matchingJsonPath("$.userId", equalTo(userId)))
                .withRequestBody(matchingJsonPath("$.mobile", equalTo("13700001111")))
                .withRequestBody(matchingJsonPath("$.employeeNumber", equalTo("E-77")))
                .withRequestBody(matchingJsonPath("$.extAttrs[0].text", equalTo("E-77")))
                .withRequestBody(matchingJsonPath("$.mappedFields.grade", equalTo("P7"))));
        assertThat(jdbc.queryForList("SELECT status FROM mdm_crm_sync_attempt WHERE user_id = ?", String.class, userId))
                .containsExactly("SUCCESS", "SUCCESS");
        assertThat(jdbc.queryForList("SELECT result FROM mdm_oper_log WHERE action = 'CRM_PUSH' AND target_id = ?",
                String.class, userId)).containsExactly("SUCCESS", "SUCCESS");
    }

    @Test
    void aFailingCrmAnswers502AndLeavesAFailedRecord() {
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(500)
                .withBody("{\"code\":\"DB_DOWN\",\"message\":\"cannot store mobile 13700001111\"}")));
        String userId = createUser("crm-fail");

        Answer failed = http.post("/users/{id}/crm-sync", null, userId);

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.code()).isEqualTo(50201);
        assertThat(failed.msg()).contains("HTTP 500");
        Map<String, Object> attempt = jdbc.queryForMap(
                "SELECT status, http_status, detail FROM mdm_crm_sync_attempt WHERE user_id = ?", userId);
        assertThat(attempt).containsEntry("status", "FAILED").containsEntry("http_status", 500)
                .containsEntry("detail", "code=DB_DOWN");
        assertThat(jdbc.queryForObject("SELECT message FROM mdm_oper_log WHERE action = 'CRM_PUSH' AND target_id = ?",
                String.class, userId)).contains("HTTP 500").contains("code=DB_DOWN").doesNotContain("13700001111");
    }

    @Test
    void anUnreachableCrmAnswers502() {
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withFixedDelay(4000).withStatus(200)));
        String userId = createUser("crm-slow");

        Answer failed = http.post("/users/{id}/crm-sync", null, userId);

        assertThat(failed.status()).isEqualTo(502);
        assertThat(jdbc.queryForObject("SELECT status FROM mdm_crm_sync_attempt WHERE user_id = ?", String.class, userId))
                .isEqualTo("FAILED");
    }

    @Test
    void pushingAnUnknownUserIs404() {
        assertThat(http.post("/users/{id}/crm-sync", null, "424242").status()).isEqualTo(404);
        CRM.verify(0, postRequestedFor(urlEqualTo("/api/users/sync")));
    }

    private String createUser(String wxUserId) {
        return http.put("/users/by-wx/{corp}/{wx}", user(Instant.parse("2026-11-04T00:00:00Z"), "name", "客户经理",
                "mobile", "13700001111", "extAttrs", List.of(Map.of("name", "工号", "type", "TEXT", "text", "E-77")),
                "employeeNumber", "E-77", "mappedFields", Map.of("grade", "P7")), corp, wxUserId).data().path("data").path("userId").asText();
    }
}

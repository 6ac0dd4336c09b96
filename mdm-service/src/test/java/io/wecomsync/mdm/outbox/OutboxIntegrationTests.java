package io.wecomsync.mdm.outbox;

import io.wecomsync.mdm.MdmHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM outbox: every committed user change reaches the CRM exactly once per coalesced change —
 * a repeated write adds nothing, a failing CRM is retried without touching directory writes, renames
 * and deletes carry what the CRM needs, refusals end DEAD and can be replayed.
 */
class OutboxIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);

    private final String corp = newCorpId();

    @Autowired
    OutboxRelay relay;
    @Autowired
    ObjectMapper json;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void crmAccepts() {
        CRM.resetAll();
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        relay.breaker("crm").reset();
        drainRelay(); // deliveries other test classes left behind
        CRM.resetRequests();
    }

    @Test
    void aRepeatedWriteAddsNoDeliveryAndTheOneDeliveryCarriesTheChange() throws Exception {
        String userId = upsert("repeat", T1, "name", "张三");
        upsert("repeat", T1, "name", "张三"); // a Feign retry after a time-out: mdm-service had committed

        assertThat(drainRelay()).isEqualTo(1);

        JsonNode body = onlyDelivery(userId);
        assertThat(body.path("change").asText()).isEqualTo("CREATED");
        assertThat(body.path("wxUserId").asText()).isEqualTo("repeat");
        assertThat(body.path("user").path("name").asText()).isEqualTo("张三");
        assertThat(body.path("sequence").asLong()).isEqualTo(1);
        assertThat(status(userId)).isEqualTo("DELIVERED");
        assertThat(results(userId)).containsExactly("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT trace_id FROM mdm_oper_log WHERE action = 'CRM_PUSH' AND target_id = ?",
                String.class, userId)).as("the delivery is logged under the write's trace").isEqualTo(MdmHttp.TRACE_ID);
    }

    @Test
    void changesWaitingTogetherAreDeliveredOnceAsTheLatestState() throws Exception {
        String userId = upsert("busy", T1, "name", "A");
        upsert("busy", T2, "name", "B");
        upsert("busy", T3, "position", "经理");

        drainRelay();

        JsonNode body = onlyDelivery(userId);
        assertThat(body.path("user").path("name").asText()).isEqualTo("B");
        assertThat(body.path("user").path("position").asText()).isEqualTo("经理");
        assertThat(body.path("sequence").asLong()).isEqualTo(3);
    }

    @Test
    void renamesAndDeletesReachTheCrm() throws Exception {
        String userId = upsert("Zhang", T1, "name", "张");
        drainRelay();
        CRM.resetRequests();

        assertThat(http.post("/users/by-wx/{corp}/{wx}/rename", Map.of("newWxUserId", "zhang2",
                "sourceEventTime", T2.toString(), "sourceEventId", "r1"), corp, "Zhang").status()).isEqualTo(200);
        drainRelay();
        JsonNode renamed = onlyDelivery(userId);
        assertThat(renamed.path("change").asText()).isEqualTo("RENAMED");
        assertThat(renamed.path("wxUserId").asText()).isEqualTo("zhang2");
        assertThat(renamed.path("previousWxUserId").asText()).isEqualTo("Zhang");

        CRM.resetRequests();
        assertThat(http.delete("/users/by-wx/{corp}/zhang2?sourceEventTime={t}&sourceEventId=d1", corp, T3).status())
                .isEqualTo(200);
        drainRelay();
        JsonNode deleted = onlyDelivery(userId);
        assertThat(deleted.path("change").asText()).isEqualTo("DELETED");
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(deleted.has("previousWxUserId") && !deleted.path("previousWxUserId").isNull())
                .as("the CRM already knows the new id").isFalse();
    }

    @Test
    void aFailingCrmLeavesDirectoryWritesAloneAndGetsTheChangeOnceItRecovers() throws Exception {
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(500).withBody("CRM down")));
        String userId = upsert("outage", T1, "name", "X");

        for (int i = 0; i < 8; i++) {
            relay.runOnce();
            Thread.sleep(60);
        }
        Answer during = http.put("/users/by-wx/{corp}/{wx}", user(T2, "name", "Y"), corp, "outage");
        assertThat(during.status()).as("directory writes go on while the CRM fails").isEqualTo(200);
        relay.breaker("crm").transitionToForcedOpenState();
        assertThat(relay.runOnce()).as("while the CRM's breaker is open nothing is claimed").isZero();
        relay.breaker("crm").transitionToClosedState();
        Map<String, Object> row = row(userId);
        assertThat(row.get("status")).as("an outage never makes a delivery DEAD").isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat((Integer) row.get("waits")).isPositive();

        CRM.resetAll();
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(200)));
        Thread.sleep(400); // the breaker's wait in the tests' settings
        drainRelay();

        JsonNode body = onlyDelivery(userId);
        assertThat(body.path("user").path("name").asText()).isEqualTo("Y");
        assertThat(status(userId)).isEqualTo("DELIVERED");
    }

    @Test
    void aRefusedDeliveryIsDeadAfterTheLastAttemptAndCanBeReplayed() throws Exception {
        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(422)
                .withBody("{\"errcode\":\"UNKNOWN_DEPT\",\"errmsg\":\"department of R (13812345678) is unknown\"}")));
        String userId = upsert("refused", T1, "name", "R");
        double deadBefore = deliveries("DEAD");

        for (int i = 0; i < 4; i++) {
            relay.runOnce();
            Thread.sleep(60);
        }
        assertThat(status(userId)).isEqualTo("DEAD");
        assertThat(results(userId)).containsExactly("FAILED", "DEAD");
        metrics.count();
        assertThat(deliveries("DEAD") - deadBefore).as("wecom.outbox.deliveries{result=DEAD}").isEqualTo(1);
        assertThat(registry.get("wecom.outbox.backlog").tag("target", "crm").tag("status", "DEAD").gauge().value())
                .as("the DEAD backlog the alert watches").isGreaterThanOrEqualTo(1);

        Answer listed = http.get("/admin/outbox?target=crm&status=dead&userId={u}", userId);
        assertThat(listed.status()).isEqualTo(200);
        long id = listed.data().path("items").get(0).path("id").asLong();
        assertThat(listed.data().path("items").get(0).path("lastError").asText())
                .isEqualTo("code=UNKNOWN_DEPT");
        assertThat(http.get("/admin/outbox?status=LOST").status()).isEqualTo(400);

        CRM.stubFor(post("/api/users/sync").willReturn(aResponse().withStatus(200)));
        assertThat(http.post("/admin/outbox/{id}/replay", null, id).status()).isEqualTo(200);
        assertThat(http.post("/admin/outbox/{id}/replay", null, id).status()).as("no longer DEAD").isEqualTo(409);
        drainRelay();
        assertThat(status(userId)).isEqualTo("DELIVERED");
    }

    @Test
    void aTakenOverClaimRecordsNothing() {
        String userId = upsert("fenced", T1, "name", "F");
        jdbc.update("UPDATE mdm_outbox SET lease_owner = 'other-relay', lease_until = ? WHERE user_id = ?",
                java.sql.Timestamp.from(Instant.now().plusSeconds(60)), userId);

        assertThat(relay.runOnce()).as("a live claim of another relay is left alone").isZero();
        CRM.verify(0, postRequestedFor(urlEqualTo("/api/users/sync")));
    }

    private String upsert(String wxUserId, Instant time, Object... fields) {
        Answer answer = http.put("/users/by-wx/{corp}/{wx}", user(time, fields), corp, wxUserId);
        assertThat(answer.status()).isEqualTo(200);
        return answer.data().path("data").path("userId").asText();
    }

    private int drainRelay() {
        int total = 0;
        for (int i = 0; i < 20; i++) {
            int taken = relay.runOnce();
            if (taken == 0) {
                return total;
            }
            total += taken;
        }
        return total;
    }

    private JsonNode onlyDelivery(String userId) throws Exception {
        List<LoggedRequest> requests = CRM.findAll(postRequestedFor(urlEqualTo("/api/users/sync")));
        List<JsonNode> mine = new java.util.ArrayList<>();
        for (LoggedRequest request : requests) {
            JsonNode body = json.readTree(request.getBodyAsString());
            if (userId.equals(body.path("userId").asText())) {
                assertThat(request.getHeader("Idempotency-Key")).hasSize(64);
                assertThat(request.getHeader("traceparent")).as("the CRM call continues the write's trace")
                        .contains("-" + MdmHttp.TRACE_ID + "-");
                mine.add(body);
            }
        }
        assertThat(mine).as("deliveries of user " + userId).hasSize(1);
        return mine.get(0);
    }

    private String status(String userId) {
        return (String) row(userId).get("status");
    }

    private Map<String, Object> row(String userId) {
        return jdbc.queryForMap("SELECT status, attempts, waits FROM mdm_outbox WHERE target = 'crm' AND user_id = ?", userId);
    }

    private List<String> results(String userId) {
        return jdbc.queryForList("SELECT result FROM mdm_oper_log WHERE action = 'CRM_PUSH' AND target_id = ? ORDER BY id",
                String.class, userId);
    }

    private double deliveries(String result) {
        Counter counter = registry.find("wecom.outbox.deliveries").tag("target", "crm").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}

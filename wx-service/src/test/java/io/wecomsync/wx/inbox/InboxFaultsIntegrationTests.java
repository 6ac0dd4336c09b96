package io.wecomsync.wx.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wecomsync.wx.WeComCallbacks;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wecomsync.wx.WeComCallbacks.AES_KEY_2;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITHOUT_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITHOUT_READER;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply path under time and faults: outages of any length use up no attempts, only the age limit
 * makes a waiting event DEAD, a row that cannot be decrypted is DEAD on its own, leases are renewed
 * while a slow call runs and a claim that was taken over changes nothing, a DEAD head is skipped
 * through the admin API; the worker holds off while mdm-service's breaker is open or a burst arrives.
 */
class InboxFaultsIntegrationTests extends WxIntegrationTest {

    private static final long T = Instant.parse("2026-11-25T08:00:00Z").getEpochSecond();
    private static final String APPLIED = """
            {"code":0,"msg":"ok","data":{"applied":true,"outcome":"UPDATED","data":{"userId":"900001"}}}""";

    @Autowired
    InboxClaims claims;
    @Autowired
    List<InboxGate> gates;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void mdmIsDown() {
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    }

    @Test
    void anOutageLongerThanTheAttemptLimitMakesNothingDeadAndEverythingIsAppliedAfterIt() throws Exception {
        long id = callback("lisi", T);
        int tries = 6; // twice the tests' max-attempts of 3: the old inbox made the event DEAD after 3
        for (int i = 0; i < tries; i++) {
            awaitDue(id);
            assertThat(worker.runOnce()).isEqualTo(1);
        }
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("attempts")).as("waiting for mdm-service is no attempt").isEqualTo(0);
        assertThat(row.get("waits")).isEqualTo(tries);
        assertThat((String) row.get("last_error")).startsWith("waiting: ").contains("503");

        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(APPLIED)));
        awaitDue(id);
        drain();
        assertThat(row(id).get("status")).isEqualTo("DONE");
        MDM.verify(1, putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/lisi")));
    }

    @Test
    void ourTokenRefusedByMdmServiceIsASettingToFixNotABadEvent() {
        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        long id = callback("refused-token", T);

        worker.runOnce();

        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat((String) row.get("last_error")).contains("401").contains("token settings");
    }

    @Test
    void aWaitingEventOlderThanTheAgeLimitIsDeadWithItsReason() {
        long id = callback("wangwu", T);
        jdbc.update("UPDATE wx_inbox_event SET received_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(73))), id);

        worker.runOnce();

        assertThat(row(id).get("status")).isEqualTo("DEAD");
        assertThat((String) row(id).get("last_error")).startsWith("not applied within PT72H: ").contains("503");
    }

    @Test
    void aRowThatCannotBeDecryptedIsDeadAndTheRestOfTheBatchIsApplied() {
        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(APPLIED)));
        long broken = callback("poison", T);
        long fine = callback("healthy", T);
        jdbc.update("UPDATE wx_inbox_event SET payload = 'v1:unknown-key:AAAA' WHERE id = ?", broken);

        drain();

        assertThat(row(broken).get("status")).isEqualTo("DEAD");
        assertThat((String) row(broken).get("last_error")).startsWith("stored message cannot be decrypted");
        assertThat(row(fine).get("status")).isEqualTo("DONE");
        ResponseEntity<String> shown = http.getForEntity("/admin/inbox/events/" + broken, String.class);
        assertThat(shown.getStatusCode().value()).as("an operator can still look at it").isEqualTo(200);
        assertThat(shown.getBody()).contains("_unreadable");
    }

    @Test
    void theWorkerHoldsOffClaimingWhileTheMdmCircuitBreakerIsOpen() {
        breakers.circuitBreaker("mdm").transitionToOpenState();
        assertThat(gates).anySatisfy(gate -> assertThat(gate.pauseClaiming()).isPositive());

        breakers.circuitBreaker("mdm").transitionToClosedState();
        assertThat(gates).allSatisfy(gate -> assertThat(gate.pauseClaiming()).isZero());
    }

    @Test
    void theWorkerHoldsOffClaimingWhileABurstOfCallbacksIsBeingReceived() throws Exception {
        changeSettings(Map.of("wx.inbox.intake-first.above", 3));
        // what earlier tests received counts for a second or two: start from a quiet inbox
        for (int i = 0; i < 60 && gates.stream().anyMatch(gate -> !gate.pauseClaiming().isZero()); i++) {
            Thread.sleep(100);
        }
        assertThat(gates).allSatisfy(gate -> assertThat(gate.pauseClaiming()).isZero());

        for (int i = 0; i < 3; i++) {
            callback("burst" + i, T);
        }
        assertThat(gates).anySatisfy(gate -> assertThat(gate.pauseClaiming()).isPositive());

        changeSettings(Map.of("wx.inbox.intake-first.above", 0));
        assertThat(gates).allSatisfy(gate -> assertThat(gate.pauseClaiming()).isZero());
    }

    @Test
    void aSlowMdmServiceNeverLetsASecondWorkerApplyTheSameEvent() throws Exception {
        changeSettings(Map.of("wx.inbox.lease", "600ms"));
        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(APPLIED).withFixedDelay(2_000)));
        long id = callback("slow", T);

        CompletableFuture<Integer> applying = CompletableFuture.supplyAsync(worker::runOnce);
        Thread.sleep(1_200); // two leases long: without renewal the event would be claimable now
        assertThat(claims.claim("second-instance", 10)).as("the lease is renewed while the call runs").isEmpty();

        assertThat(applying.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(row(id).get("status")).isEqualTo("DONE");
        MDM.verify(1, putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/slow")));
    }

    @Test
    void aClaimThatWasTakenOverChangesNothingEvenForTheSameInstance() {
        long id = callback("fenced", T);
        InboxEvent first = claims.claim("instance-a", 10).get(0);
        jdbc.update("UPDATE wx_inbox_event SET lease_until = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), id);
        InboxEvent second = claims.claim("instance-a", 10).get(0);

        claims.finish(first, "instance-a", new HandlerOutcome.Dead("from the claim that ran out"));
        assertThat(row(id).get("status")).isEqualTo("PROCESSING");
        assertThat(claims.renew("instance-a", List.of(id))).isEqualTo(1);

        claims.finish(second, "instance-a", HandlerOutcome.done());
        assertThat(row(id).get("status")).isEqualTo("DONE");
        assertThat(second.leaseVersion()).isGreaterThan(first.leaseVersion());
    }

    @Test
    void laterEventsWaitBehindADeadHeadUntilAnOperatorSkipsIt() throws Exception {
        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40000,\"msg\":\"refused\"}")));
        long head = callback("stuck", T);
        long later = callback("stuck", T + 5);
        drain();
        assertThat(row(head).get("status")).isEqualTo("DEAD");
        assertThat(row(later).get("status")).isEqualTo("PENDING");
        JsonNode shown = json.readTree(http.getForEntity("/admin/inbox/events/" + later, String.class).getBody());
        assertThat(shown.path("data").path("blockedBy").asLong()).isEqualTo(head);

        assertThat(http.postForEntity("/admin/inbox/events/" + head + "/skip", null, String.class).getStatusCode().value())
                .as("a reason is required").isEqualTo(400);
        assertThat(http.postForEntity("/admin/inbox/events/" + later + "/skip?reason=x", null, String.class).getStatusCode().value())
                .as("only DEAD events").isEqualTo(409);
        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(APPLIED)));
        assertThat(http.postForEntity("/admin/inbox/events/" + head + "/skip?reason=fixed by hand in the MDM", null,
                String.class).getStatusCode().value()).isEqualTo(200);

        drain();
        assertThat(row(head).get("status")).isEqualTo("SKIPPED");
        assertThat(row(later).get("status")).isEqualTo("DONE");
    }

    private long callback(String userId, long createTime) {
        ResponseEntity<String> answer = post(AGENT_WITHOUT_READER, TOKEN_2, AES_KEY_2, CORP_WITHOUT_READER,
                WeComCallbacks.contactChange(CORP_WITHOUT_READER, "update_user", createTime, "UserID", userId,
                        "Name", "N" + userId));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return jdbc.queryForObject("SELECT MAX(id) FROM wx_inbox_event", Long.class);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, attempts, waits, last_error FROM wx_inbox_event WHERE id = ?", id);
    }

    private void awaitDue(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Timestamp due = jdbc.queryForObject("SELECT next_attempt_at FROM wx_inbox_event WHERE id = ?", Timestamp.class, id);
            if (!due.toInstant().isAfter(Instant.now())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("event " + id + " never became due");
    }
}

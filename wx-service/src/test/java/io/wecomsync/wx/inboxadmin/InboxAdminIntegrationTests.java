package io.wecomsync.wx.inboxadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.contactChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Failures through the worker, seen and repaired through the admin API. */
class InboxAdminIntegrationTests extends WxIntegrationTest {

    private static final long T = Instant.parse("2026-11-22T08:00:00Z").getEpochSecond();

    @Autowired
    ObjectMapper json;

    @Test
    void mdmDownThenUpEndsWithEverythingAppliedAndNothingLost() throws Exception {
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 5; i++) {
            post(contactChange(CORP_WITH_READER, "update_user", T + i, "UserID", "u" + i, "Position", "p" + i));
        }
        assertThat(worker.runOnce()).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM wx_inbox_event", String.class)).containsExactly("FAILED");

        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"applied\":true,\"outcome\":\"UNCHANGED\",\"data\":{\"userId\":\"1\"}}}")));
        awaitAllDone();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbox_event WHERE status = 'DONE'", Integer.class)).isEqualTo(5);
    }

    @Test
    void aRefusalGoesDeadAtOnceAndCanBeReplayedAfterTheFix() throws Exception {
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":40001,\"msg\":\"mobile: must be a phone number\",\"data\":null}")));
        post(contactChange(CORP_WITH_READER, "update_user", T, "UserID", "bad", "Mobile", "13800001111",
                "Telephone", "0755-86013388", "Address", "广东省深圳市南山区科技园1号", "Name", "张三丰"));
        drain();

        JsonNode dead = body(http.getForEntity("/admin/inbox/events?status=DEAD", String.class));
        assertThat(dead.path("data").path("total").asInt()).isEqualTo(1);
        long id = dead.path("data").path("items").get(0).path("id").asLong();
        assertThat(dead.path("data").path("items").get(0).path("lastError").asText()).contains("400");
        JsonNode shown = body(http.getForEntity("/admin/inbox/events/{id}", String.class, id));
        assertThat(shown.path("data").path("fields").path("Mobile").asText()).isEqualTo("138****1111");
        assertThat(shown.path("data").path("fields").path("Telephone").asText()).isEqualTo("075****3388");
        assertThat(shown.path("data").path("fields").path("Address").asText()).isEqualTo("广东省***");
        assertThat(shown.path("data").path("fields").path("Name").asText()).isEqualTo("张**");
        assertThat(shown.toString()).doesNotContain("13800001111").doesNotContain("86013388").doesNotContain("南山区")
                .doesNotContain("三丰");

        MDM.resetAll();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"applied\":true,\"outcome\":\"UPDATED\",\"data\":{\"userId\":\"7\"}}}")));
        ResponseEntity<String> replay = http.postForEntity("/admin/inbox/events/{id}/replay", null, String.class, id);
        assertThat(replay.getStatusCode().value()).isEqualTo(200);
        drain();

        JsonNode counts = body(http.getForEntity("/admin/inbox/counts", String.class));
        assertThat(counts.path("data").path("DEAD").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM wx_inbox_event WHERE id = ?", String.class, id)).isEqualTo("DONE");
        MDM.verify(1, postRequestedFor(urlEqualTo("/oper-logs/operator-actions"))
                .withRequestBody(matchingJsonPath("$.operator", equalTo("test-operator")))
                .withRequestBody(matchingJsonPath("$.action", equalTo("EVENT_REPLAY")))
                .withRequestBody(matchingJsonPath("$.targetId", equalTo(String.valueOf(id))))
                .withRequestBody(matchingJsonPath("$.corpId", equalTo(CORP_WITH_READER)))
                .withRequestBody(matchingJsonPath("$.detail", containing("put back in line"))));
        assertThat(http.postForEntity("/admin/inbox/events/{id}/replay", null, String.class, id).getStatusCode().value())
                .as("a DONE event is not replayed").isEqualTo(409);
    }

    @Test
    void allDeadEventsOfACorpCanBeReplayedAndBadFiltersAreRefused() throws Exception {
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(422)));
        post(contactChange(CORP_WITH_READER, "delete_user", T, "UserID", "x1"));
        post(contactChange(CORP_WITH_READER, "delete_user", T, "UserID", "x2"));
        drain();

        JsonNode replayed = body(http.postForEntity("/admin/inbox/replay-dead?corpId={c}", null, String.class, CORP_WITH_READER));

        assertThat(replayed.path("data").path("replayed").asInt()).isEqualTo(2);
        drain();
        MDM.verify(1, postRequestedFor(urlEqualTo("/oper-logs/operator-actions"))
                .withRequestBody(matchingJsonPath("$.action", equalTo("EVENT_REPLAY_DEAD")))
                .withRequestBody(matchingJsonPath("$.operator", equalTo("test-operator")))
                .withRequestBody(matchingJsonPath("$.detail", equalTo("2 DEAD events put back in line"))));
        assertThat(http.postForEntity("/admin/inbox/replay-dead?corpId={c}", null, String.class, "no such corp!")
                .getStatusCode().value()).as("a corp id that cannot be one").isEqualTo(400);
        assertThat(http.getForEntity("/admin/inbox/events?status=LOST", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(body(http.getForEntity("/admin/inbox/events?changeType=delete_user", String.class)).path("data").path("total").asInt())
                .isEqualTo(2);
        assertThat(body(http.getForEntity("/admin/inbox/events?changeType=update_user", String.class)).path("data").path("total").asInt())
                .isZero();
        assertThat(http.getForEntity("/admin/inbox/events?changeType=DROP TABLE", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/admin/inbox/events?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", String.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/admin/inbox/events/999999", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theAdminApiNeedsATokenAndActionsNeedTheAdminScope() {
        HttpHeaders reader = new HttpHeaders();
        reader.setBearerAuth(token(Scopes.WX_READ));

        assertThat(http.exchange("/admin/inbox/counts", HttpMethod.GET,
                new HttpEntity<>(headers("Bearer not-a-token")), String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.exchange("/admin/inbox/counts", HttpMethod.GET, new HttpEntity<>(reader), String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.exchange("/admin/inbox/replay-dead?corpId=x", HttpMethod.POST, new HttpEntity<>(reader), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    private static HttpHeaders headers(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return headers;
    }

    private void awaitAllDone() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            drain();
            if (jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbox_event WHERE status <> 'DONE'", Integer.class) == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("events still not applied: "
                + jdbc.queryForList("SELECT status, last_error FROM wx_inbox_event WHERE status <> 'DONE'"));
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }
}

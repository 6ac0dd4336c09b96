package io.wecomsync.wx.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.contactChange;
import static org.assertj.core.api.Assertions.assertThat;

class StatusIntegrationTests extends WxIntegrationTest {

    private static final long T = Instant.parse("2026-12-06T08:00:00Z").getEpochSecond();

    @Autowired
    ThroughputHistory throughput;
    @Autowired
    ObjectMapper json;

    @Test
    void theStatusCountsWhatWasReceivedAndAppliedThisMinuteAndWhatStillWaits() throws Exception {
        jdbc.update("DELETE FROM wx_throughput_minute");
        throughput.flush();
        MDM.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"applied\":true,\"outcome\":\"UPDATED\",\"data\":{\"userId\":\"1\"}}}")));
        for (int i = 0; i < 3; i++) {
            post(contactChange(CORP_WITH_READER, "update_user", T + i, "UserID", "s" + i, "Position", "p"));
        }
        JsonNode waiting = status(5);
        drain();
        throughput.flush();

        JsonNode status = status(5);

        assertThat(waiting.path("oldestUnfinishedAt").isNull()).as("three events wait before the worker runs").isFalse();
        JsonNode perMinute = status.path("perMinute");
        assertThat(perMinute).hasSize(5);
        long received = 0;
        long applied = 0;
        for (JsonNode minute : perMinute) {
            received += minute.path("received").asLong();
            applied += minute.path("applied").asLong();
        }
        assertThat(received).isEqualTo(3);
        assertThat(applied).isEqualTo(3);
        assertThat(status.path("oldestUnfinishedAt").isNull()).isTrue();
        assertThat(status.path("circuitBreakers").path("mdm").asText()).isEqualTo("CLOSED");
        assertThat(http.getForEntity("/admin/status?minutes=0", String.class).getStatusCode().value()).isEqualTo(400);
    }

    private JsonNode status(int minutes) throws Exception {
        return json.readTree(http.getForEntity("/admin/status?minutes=" + minutes, String.class).getBody()).path("data");
    }
}

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
        throughput.flush();
        long[] before = totals(status(60));
        MDM.stubFor(any(anyUrl()).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"applied\":true,\"outcome\":\"UPDATED\",\"data\":{\"userId\":\"1\"}}}")));
        for (int i = 0; i < 3; i++) {
            post(contactChange(CORP_WITH_READER, "update_user", T + i, "UserID", "s" + i, "Position", "p"));
        }
        JsonNode waiting = status(5);
        drain();
        throughput.flush();

        JsonNode status = status(5);
        long[] after = totals(status(60));

        assertThat(waiting.path("oldestUnfinishedAt").isNull()).as("three events wait before the worker runs").isFalse();
        assertThat(status.path("perMinute")).hasSize(5);
        assertThat(after[0] - before[0]).as("received").isEqualTo(3);
        assertThat(after[1] - before[1]).as("applied").isEqualTo(3);
        assertThat(status.path("oldestUnfinishedAt").isNull()).isTrue();
        assertThat(status.path("circuitBreakers").path("mdm").asText()).isEqualTo("CLOSED");
        assertThat(http.getForEntity("/admin/status?minutes=0", String.class).getStatusCode().value()).isEqualTo(400);
    }

    /** Received and applied, summed over the series (other tests of this context count too: compare). */
    private static long[] totals(JsonNode status) {
        long[] sums = new long[2];
        for (JsonNode minute : status.path("perMinute")) {
            sums[0] += minute.path("received").asLong();
            sums[1] += minute.path("applied").asLong();
        }
        return sums;
    }

    private JsonNode status(int minutes) throws Exception {
        return json.readTree(http.getForEntity("/admin/status?minutes=" + minutes, String.class).getBody()).path("data");
    }
}

package io.wecomsync.wx.security;

import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With the actuator on a port of its own, Prometheus scrapes it without a token; the admin API still needs one. */
@AutoConfigureObservability
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIntegrationTests extends WxIntegrationTest {

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int serverPort;

    @Test
    void metricsOnTheManagementPortNeedNoTokenAndTheAdminApiStillDoes() {
        RestClient management = RestClient.create("http://127.0.0.1:" + managementPort);
        RestClient api = RestClient.builder().baseUrl("http://127.0.0.1:" + serverPort)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        String metrics = management.get().uri("/actuator/prometheus").retrieve().body(String.class);
        int inboxWithoutToken = api.get().uri("/admin/inbox/counts").retrieve().toBodilessEntity().getStatusCode().value();

        assertThat(metrics).contains("wecom_inbox_dead_events").contains("wecom_inbox_lag_seconds_bucket");
        assertThat(inboxWithoutToken).isEqualTo(401);
    }
}

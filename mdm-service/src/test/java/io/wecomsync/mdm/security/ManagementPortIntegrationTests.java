package io.wecomsync.mdm.security;

import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With the actuator on a port of its own, Prometheus scrapes it without a token; the API still needs one. */
@AutoConfigureObservability
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIntegrationTests extends MdmIntegrationTest {

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int serverPort;

    @Test
    void metricsOnTheManagementPortNeedNoTokenAndTheApiStillDoes() {
        RestClient management = RestClient.create("http://127.0.0.1:" + managementPort);
        RestClient api = RestClient.builder().baseUrl("http://127.0.0.1:" + serverPort)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        String metrics = management.get().uri("/actuator/prometheus").retrieve().body(String.class);
        int usersWithoutToken = api.get().uri("/users?corpId=ww1&wxUserId=a").retrieve().toBodilessEntity().getStatusCode().value();
        int actuatorOnTheApiPort = api.get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode().value();

        assertThat(metrics).contains("wecom_outbox_backlog").contains("jvm_memory_used_bytes");
        assertThat(usersWithoutToken).isEqualTo(401);
        assertThat(actuatorOnTheApiPort).as("the actuator has moved off the API's port").isIn(401, 404);
    }
}

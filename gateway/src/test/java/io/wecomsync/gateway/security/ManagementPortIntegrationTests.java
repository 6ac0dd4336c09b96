package io.wecomsync.gateway.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With the actuator on a port of its own, Prometheus scrapes the gateway without a token; its routes still need one. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "wecom.gateway.callback-ip.refresh-interval=1h"})
class ManagementPortIntegrationTests {

    static final WireMockServer BACKEND = start();

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int serverPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.wx-service[0].uri", BACKEND::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.mdm-service[0].uri", BACKEND::baseUrl);
        registry.add("wecom.security.jwt.secret", () -> "gateway-test-secret-of-at-least-32-bytes");
    }

    @AfterAll
    static void stop() {
        BACKEND.stop();
    }

    @Test
    void metricsOnTheManagementPortNeedNoTokenAndTheRoutesStillDo() {
        RestClient management = RestClient.create("http://127.0.0.1:" + managementPort);
        RestClient api = RestClient.builder().baseUrl("http://127.0.0.1:" + serverPort)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        String metrics = management.get().uri("/actuator/prometheus").retrieve().body(String.class);
        int routeWithoutToken = api.get().uri("/api/mdm/users?corpId=ww1&wxUserId=a").retrieve().toBodilessEntity()
                .getStatusCode().value();

        assertThat(metrics).contains("wecom_gateway_callback_shed_total");
        assertThat(routeWithoutToken).isEqualTo(401);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}

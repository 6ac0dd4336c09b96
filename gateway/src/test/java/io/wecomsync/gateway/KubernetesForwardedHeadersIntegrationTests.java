package io.wecomsync.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wecomsync.gateway.callbackip.CallbackIpAllowList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * On Kubernetes Spring Boot turns on native forwarded-header handling unless told otherwise, and the
 * peer address becomes whatever {@code X-Forwarded-For} says: the callback IP check could be talked
 * past. The gateway says {@code server.forward-headers-strategy: none} and trusts only its own list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // what KUBERNETES_SERVICE_HOST and _PORT in the environment make Spring Boot detect
        "spring.main.cloud-platform=kubernetes",
        "wecom.gateway.callback-ip.refresh-interval=1h"})
class KubernetesForwardedHeadersIntegrationTests {

    static final WireMockServer WX = start();
    static final WireMockServer MDM = start();

    @Autowired
    WebTestClient http;
    @Autowired
    CallbackIpAllowList refresher;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.wx-service[0].uri", WX::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.mdm-service[0].uri", MDM::baseUrl);
        registry.add("wecom.security.jwt.secret", () -> GatewayIntegrationTests.SECRET);
    }

    @AfterAll
    static void stop() {
        WX.stop();
        MDM.stop();
    }

    @Test
    void aForgedForwardedForDoesNotPassTheCallbackIpCheck() {
        WX.stubFor(any(anyUrl()).willReturn(ok()));
        MDM.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"type\":\"QYWX\",\"ips\":[\"101.226.103.7\"]}}")));
        refresher.refreshNow();

        http.post().uri("/wx/callback/1").header("X-Forwarded-For", "101.226.103.7")
                .header("Forwarded", "for=101.226.103.7").bodyValue("<xml/>")
                .exchange().expectStatus().isForbidden();

        WX.verify(0, anyRequestedFor(anyUrl()));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}

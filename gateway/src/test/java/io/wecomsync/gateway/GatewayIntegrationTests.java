package io.wecomsync.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.gateway.callbackip.CallbackIpAllowList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** The gateway in front of WireMocks standing in for wx-service and mdm-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wecom.gateway.callback-ip.refresh-interval=1h",
        "wecom.gateway.callback-ip.mdm-uri=lb://mdm-service",
        "WECOM_CALLBACK_MAX_BODY=1KB"})
class GatewayIntegrationTests {

    static final String SECRET = "gateway-test-secret-of-at-least-32-bytes";
    static final WireMockServer WX = start();
    static final WireMockServer MDM = start();

    @Autowired
    WebTestClient http;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    CallbackIpAllowList refresher;

    private final TokenMinter tokens = new TokenMinter(SECRET, Clock.systemUTC());

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.wx-service[0].uri", WX::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.mdm-service[0].uri", MDM::baseUrl);
        registry.add("wecom.security.jwt.secret", () -> SECRET);
    }

    @BeforeEach
    void backendsAnswer() {
        WX.resetAll();
        MDM.resetAll();
        WX.stubFor(any(anyUrl()).willReturn(ok()));
        MDM.stubFor(any(anyUrl()).willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":{}}")));
        weComIps(List.of());
    }

    @AfterEach
    void resetRuntimeSettings() {
        change(Map.of());
    }

    @Test
    void aCallbackFromWeComsIpsReachesWxServiceWithoutAToken() {
        weComIps(List.of("127.0.0.1"));

        http.post().uri("/wx/callback/1000002?msg_signature=s&timestamp=1&nonce=n").bodyValue("<xml/>")
                .exchange().expectStatus().isOk();

        WX.verify(postRequestedFor(urlEqualTo("/callback/1000002?msg_signature=s&timestamp=1&nonce=n")));
    }

    @Test
    void aCallbackFromAnyOtherAddressIsRefused() {
        weComIps(List.of("101.226.103.0/25"));

        http.post().uri("/wx/callback/1000002").bodyValue("<xml/>").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo(40301);

        WX.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        weComIps(List.of("101.226.103.7"));

        http.post().uri("/wx/callback/1").header("X-Forwarded-For", "101.226.103.7").bodyValue("<xml/>")
                .exchange().expectStatus().isForbidden();
        change(Map.of("wecom.gateway.callback-ip.trusted-proxies[0]", "127.0.0.1/32"));
        http.post().uri("/wx/callback/1").header("X-Forwarded-For", "9.9.9.9, 101.226.103.7").bodyValue("<xml/>")
                .exchange().expectStatus().isOk();
        // the hop next to the proxy counts, not what the client wrote further left
        http.post().uri("/wx/callback/1").header("X-Forwarded-For", "101.226.103.7, 9.9.9.9").bodyValue("<xml/>")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anEmptyListRefusesByDefaultAndCanBeOpenedAtRunTime() {
        http.post().uri("/wx/callback/1").bodyValue("<xml/>").exchange().expectStatus().isForbidden();

        change(Map.of("wecom.gateway.callback-ip.allow-when-empty", "true"));

        http.post().uri("/wx/callback/1").bodyValue("<xml/>").exchange().expectStatus().isOk();
    }

    @Test
    void aFailedRefreshKeepsTheListItHad() {
        weComIps(List.of("127.0.0.1"));
        MDM.resetAll();
        MDM.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(aResponse().withStatus(500)));

        refresher.refreshNow();

        http.post().uri("/wx/callback/1").bodyValue("<xml/>").exchange().expectStatus().isOk();
    }

    @Test
    void extraCidrsChangedAtRunTimeApplyAtOnce() {
        weComIps(List.of("101.226.103.0/25"));
        http.post().uri("/wx/callback/1").bodyValue("<xml/>").exchange().expectStatus().isForbidden();

        change(Map.of("wecom.gateway.callback-ip.extra-cidrs[0]", "127.0.0.0/8"));

        http.post().uri("/wx/callback/1").bodyValue("<xml/>").exchange().expectStatus().isOk();
    }

    @Test
    void anOversizedCallbackIsRefusedWith413() {
        weComIps(List.of("127.0.0.1"));

        http.post().uri("/wx/callback/1").bodyValue("x".repeat(2048)).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo(41301)
                .jsonPath("$.msg").isEqualTo("the body is larger than 1024 bytes");
        // sent in chunks, stating no length: read up to the limit at the gateway, so it cannot slip past
        http.post().uri("/wx/callback/1")
                .body(Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[512])), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo(41301);

        WX.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChunkedCallbackWithinTheLimitIsForwardedWhole() {
        weComIps(List.of("127.0.0.1"));

        http.post().uri("/wx/callback/1")
                .body(Flux.just("<xml>", "<Encrypt>abc</Encrypt>", "</xml>")
                        .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8))), DataBuffer.class)
                .exchange()
                .expectStatus().isOk();

        WX.verify(postRequestedFor(urlEqualTo("/callback/1")).withRequestBody(equalTo("<xml><Encrypt>abc</Encrypt></xml>"))
                .withHeader("Content-Length", equalTo("33")));
    }

    @Test
    void everythingElseNeedsAValidToken() {
        String valid = tokens.mint("ops", "mdm.read", Duration.ofMinutes(5));
        String forged = new TokenMinter("another-secret-that-is-32-bytes-long!", Clock.systemUTC())
                .mint("ops", "mdm.read", Duration.ofMinutes(5));
        String expired = new TokenMinter(SECRET, Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC))
                .mint("ops", "mdm.read", Duration.ofMinutes(5));

        http.get().uri("/api/mdm/users/1").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo(40101);
        http.get().uri("/api/mdm/users/1").header("Authorization", "Bearer " + forged).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/mdm/users/1").header("Authorization", "Bearer " + expired).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/mdm/users/1").header("Authorization", "Bearer not-a-jwt").exchange().expectStatus().isUnauthorized();
        MDM.verify(0, getRequestedFor(urlPathEqualTo("/users/1")));

        http.get().uri("/api/mdm/users/1").header("Authorization", "Bearer " + valid).exchange().expectStatus().isOk();
        MDM.verify(getRequestedFor(urlPathEqualTo("/users/1")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void theAdminApiIsRoutedToWxService() {
        http.get().uri("/api/wx/inbox/counts")
                .header("Authorization", "Bearer " + tokens.mint("ops", "admin", Duration.ofMinutes(5)))
                .exchange().expectStatus().isOk();

        WX.verify(getRequestedFor(urlPathEqualTo("/admin/inbox/counts")));
    }

    @Test
    void headersClaimingAnInternalIdentityNeverReachAService() {
        http.get().uri("/api/mdm/users/1")
                .header("Authorization", "Bearer " + tokens.mint("ops", "mdm.read", Duration.ofMinutes(5)))
                .header("X-User-Id", "admin").header("X-Internal-Caller", "wx-service")
                .exchange().expectStatus().isOk();

        MDM.verify(getRequestedFor(urlPathEqualTo("/users/1"))
                .withHeader("X-User-Id", absent()).withHeader("X-Internal-Caller", absent()));
    }

    @Test
    void theIgnoreListCanChangeAtRunTime() {
        http.get().uri("/api/mdm/users/2").exchange().expectStatus().isUnauthorized();

        change(Map.of("secure.ignore.urls[0]", "/wx/callback/**", "secure.ignore.urls[1]", "/api/mdm/users/**"));
        http.get().uri("/api/mdm/users/2").exchange().expectStatus().isOk();

        change(Map.of());
        http.get().uri("/api/mdm/users/2").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthIsOpenAndNothingElseOfTheActuatorIsExposed() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/env")
                .header("Authorization", "Bearer " + tokens.mint("ops", "admin", Duration.ofMinutes(5)))
                .exchange().expectStatus().isNotFound();
    }

    /** What mdm-service answers for the QYWX list, read into the gateway now. */
    private void weComIps(List<String> ips) {
        String json = ips.stream().map(ip -> "\"" + ip + "\"").reduce((a, b) -> a + "," + b).orElse("");
        MDM.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"type\":\"QYWX\",\"ips\":[" + json + "]}}")));
        refresher.refreshNow();
    }

    /** Changes settings the way a Nacos push does: a new property source, then an EnvironmentChangeEvent. */
    private void change(Map<String, Object> settings) {
        var sources = context.getEnvironment().getPropertySources();
        Map<String, Object> previous = sources.contains("runtime")
                ? new HashMap<>(((MapPropertySource) sources.get("runtime")).getSource()) : Map.of();
        sources.remove("runtime");
        if (!settings.isEmpty()) {
            sources.addFirst(new MapPropertySource("runtime", new HashMap<>(settings)));
        }
        java.util.Set<String> keys = new java.util.HashSet<>(previous.keySet());
        keys.addAll(settings.keySet());
        keys.add("secure.ignore.urls");
        keys.add("wecom.gateway.callback-ip.extra-cidrs");
        keys.add("wecom.gateway.callback-ip.trusted-proxies");
        context.publishEvent(new EnvironmentChangeEvent(context, keys));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }
}

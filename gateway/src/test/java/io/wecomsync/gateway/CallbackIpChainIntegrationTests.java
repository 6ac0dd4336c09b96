package io.wecomsync.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.gateway.callbackip.CallbackIpAllowList;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback IP chain with the real services: WeCom (a WireMock) gives its callback IPs, wx-service's
 * job stores them in mdm-service, and the gateway lets callbacks through from those addresses only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wecom.gateway.callback-ip.refresh-interval=1h")
class CallbackIpChainIntegrationTests {

    private static final String SECRET = "chain-test-secret-of-at-least-32-bytes-long";
    private static final String CORP = "wwchaincorp000001";
    private static final int AGENT = 3000001;
    private static final String TOKEN = "chainToken";
    private static final String AES_KEY = "Ym9ndXNrZXlmb3J0aGVjaGFpbnRlc3RvbmVvbmVvbmU";

    private static final WireMockServer WECOM = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final int MDM_PORT = FreePorts.find();
    private static final int WX_PORT = FreePorts.find();
    private static ServiceJar mdm;
    private static ServiceJar wx;

    @Autowired
    WebTestClient http;
    @Autowired
    CallbackIpAllowList allowList;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realServices(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.mdm-service[0].uri", () -> "http://127.0.0.1:" + MDM_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.wx-service[0].uri", () -> "http://127.0.0.1:" + WX_PORT);
        registry.add("wecom.security.jwt.secret", () -> SECRET);
    }

    @BeforeAll
    static void startServices() throws Exception {
        WECOM.start();
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"t\",\"expires_in\":7200}")));
        TestInfrastructure.TestDatabase mdmDb = TestInfrastructure.database("mdm");
        TestInfrastructure.TestDatabase wxDb = TestInfrastructure.database("wx");
        mdm = ServiceJar.start("mdm-service", Path.of("..", "mdm-service", "target", "mdm-service.jar"), MDM_PORT,
                Path.of("target"), Map.of(), List.of("--spring.profiles.active=test",
                        "--spring.datasource.url=" + mdmDb.jdbcUrl(), "--spring.datasource.username=" + mdmDb.username(),
                        "--spring.datasource.password=" + mdmDb.password(), "--wecom.security.jwt.secret=" + SECRET));
        wx = ServiceJar.start("wx-service", Path.of("..", "wx-service", "target", "wx-service.jar"), WX_PORT,
                Path.of("target"), Map.of(), List.of("--spring.profiles.active=test",
                        "--spring.datasource.url=" + wxDb.jdbcUrl(), "--spring.datasource.username=" + wxDb.username(),
                        "--spring.datasource.password=" + wxDb.password(),
                        "--spring.data.redis.url=" + TestInfrastructure.redisUrl(),
                        "--wecom.security.jwt.secret=" + SECRET,
                        "--wx.mdm.url=http://127.0.0.1:" + MDM_PORT,
                        "--wx.cp.api-base-url=" + WECOM.baseUrl(),
                        "--wx.cp.application[0].corpId=" + CORP,
                        "--wx.cp.application[0].appConfigs[0].agentId=" + AGENT,
                        "--wx.cp.application[0].appConfigs[0].secret=chain-secret",
                        "--wx.cp.application[0].appConfigs[0].token=" + TOKEN,
                        "--wx.cp.application[0].appConfigs[0].aesKey=" + AES_KEY));
        mdm.awaitHealthy(Duration.ofSeconds(90));
        wx.awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopServices() {
        if (wx != null) {
            wx.stop();
        }
        if (mdm != null) {
            mdm.stop();
        }
        WECOM.stop();
    }

    @Test
    void theJobFillsTheListAndTheGatewayLetsOnlyThoseAddressesThrough() throws Exception {
        allowList.refreshNow();
        assertThat(postCallback()).isEqualTo(403);

        weComSays("127.0.0.1", "101.226.103.0/25");
        runJob();
        allowList.refreshNow();
        assertThat(postCallback()).isEqualTo(200);

        weComSays("101.226.103.0/25");
        runJob();
        allowList.refreshNow();
        assertThat(postCallback()).isEqualTo(403);
    }

    private static void weComSays(String... ips) {
        String list = String.join("\",\"", ips);
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/getcallbackip"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"ip_list\":[\"" + list + "\"]}")));
    }

    private void runJob() {
        String admin = new TokenMinter(SECRET, Clock.systemUTC()).mint("ops", "admin", Duration.ofMinutes(5));
        http.post().uri("/api/wx/jobs/callback-ip/run").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.replaced").isEqualTo(true);
    }

    /** A callback as WeCom sends it (the simulator's sender); answers the HTTP status of its last try. */
    private int postCallback() throws InterruptedException {
        String message = new ContactEvents(CORP, Clock.systemUTC())
                .updateUser("chain-" + System.nanoTime(), Map.of("Position", "p"));
        return new CallbackSender("http://127.0.0.1:" + port + "/wx/callback/" + AGENT, CORP, TOKEN, AES_KEY, AGENT,
                Duration.ofMillis(10)).send(message).lastStatus();
    }
}

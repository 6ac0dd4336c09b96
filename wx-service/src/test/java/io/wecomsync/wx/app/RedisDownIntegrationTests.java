package io.wecomsync.wx.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.wx.WeComCallbacks;
import io.wecomsync.wx.inbox.InboxWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wecomsync.wx.WeComCallbacks.AES_KEY_1;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * wx-service started while Redis is down (nothing listens on its port): it starts, reports ready,
 * receives callbacks, and applies events that need a WeCom token with one kept in process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedisDownIntegrationTests {

    private static final WireMockServer MDM = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final WireMockServer WECOM = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void noRedis(DynamicPropertyRegistry registry) {
        MDM.start();
        WECOM.start();
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("wx");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + FreePorts.find());
        registry.add("test.mdm.url", MDM::baseUrl);
        registry.add("test.wecom.base-url", WECOM::baseUrl);
    }

    @AfterAll
    static void stopStubs() {
        MDM.stop();
        WECOM.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboxWorker worker;
    @Autowired
    HealthEndpoint health;

    @BeforeEach
    void emptyInbox() {
        jdbc.update("DELETE FROM wx_inbox_event");
    }

    @Test
    void itIsLiveAndReadyWithoutRedis() {
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody()).contains("\"UP\"");
        assertThat(health.healthForPath("redis").getStatus()).as("operators still see Redis down").isEqualTo(Status.DOWN);
    }

    @Test
    void anIdOnlyEventIsReceivedAndAppliedWithATokenKeptInProcess() {
        MDM.stubFor(any(anyUrl()).willReturn(okJson("""
                {"code":0,"msg":"ok","data":{"applied":true,"outcome":"CREATED","data":{"userId":"900001"}}}""")));
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"in-process\",\"expires_in\":7200}")));
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/user/get")).withQueryParam("userid", equalTo("no-redis"))
                .willReturn(okJson("""
                        {"errcode":0,"errmsg":"ok","userid":"no-redis","name":"赵六","department":[3],"status":1}""")));

        ResponseEntity<String> answer = post(WeComCallbacks.contactChange(CORP_WITH_READER, "create_user",
                Instant.now().getEpochSecond(), "UserID", "no-redis", "Department", "3"));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbox_event", Integer.class)).isEqualTo(1);

        worker.runOnce();

        WECOM.verify(getRequestedFor(urlPathEqualTo("/cgi-bin/user/get")).withQueryParam("access_token", equalTo("in-process")));
        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITH_READER + "/no-redis"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("赵六"))));
        assertThat(jdbc.queryForObject("SELECT status FROM wx_inbox_event", String.class)).isEqualTo("DONE");
    }

    private ResponseEntity<String> post(String message) {
        String encrypted = WeComCallbacks.encrypt(message, AES_KEY_1, CORP_WITH_READER);
        String timestamp = WeComCallbacks.now();
        String signature = WeComCallbacks.signature(TOKEN_1, timestamp, "n", encrypted);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        return http.postForEntity("/callback/{a}?msg_signature={s}&timestamp={t}&nonce=n",
                new HttpEntity<>(WeComCallbacks.envelope(encrypted, CORP_WITH_READER, AGENT_WITH_READER), headers), String.class,
                AGENT_WITH_READER, signature, timestamp);
    }
}

package io.wecomsync.wx;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.wx.inbox.InboxWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Base of the tests that run wx-service for real: HTTP on a random port, the JVM's embedded MariaDB
 * ({@code wecom_wx_test}) and Redis, a WireMock standing in for mdm-service and one for WeCom's API.
 * The worker does not run by itself: tests call {@link #drain()}. All subclasses share one context;
 * each test starts with an empty inbox and fresh stubs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class WxIntegrationTest {

    protected static final WireMockServer MDM = start();
    protected static final WireMockServer WECOM = start();

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected InboxWorker worker;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    ConfigurableApplicationContext context;

    private static final String RUNTIME_SETTINGS = "runtime-settings";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("wx");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.data.redis.url", TestInfrastructure::redisUrl);
        registry.add("test.mdm.url", MDM::baseUrl);
        registry.add("test.wecom.base-url", WECOM::baseUrl);
    }

    public static final String TEST_SECRET = "test-secret-shared-by-the-wecom-sync-tests";

    /** A token minted with the tests' shared secret. */
    public static String token(String scope) {
        return new TokenMinter(TEST_SECRET, Clock.systemUTC()).mint("test-operator", scope, Duration.ofMinutes(10));
    }

    @BeforeEach
    void operatorTokenOnAdminCalls() {
        if (http.getRestTemplate().getInterceptors().stream().noneMatch(AdminToken.class::isInstance)) {
            http.getRestTemplate().getInterceptors().add(new AdminToken());
        }
    }

    @BeforeEach
    void cleanSlate() {
        jdbc.update("DELETE FROM wx_inbox_event");
        MDM.resetAll();
        WECOM.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /**
     * Changes settings the way a Nacos push does: a property source on top, then an
     * {@link EnvironmentChangeEvent} naming the keys. An empty map restores the files' settings.
     */
    protected void changeSettings(Map<String, Object> settings) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        Set<String> keys = new HashSet<>(settings.keySet());
        if (sources.contains(RUNTIME_SETTINGS)) {
            keys.addAll(((MapPropertySource) sources.get(RUNTIME_SETTINGS)).getSource().keySet());
            sources.remove(RUNTIME_SETTINGS);
        }
        if (!settings.isEmpty()) {
            sources.addFirst(new MapPropertySource(RUNTIME_SETTINGS, new HashMap<>(settings)));
        }
        context.publishEvent(new EnvironmentChangeEvent(context, keys));
    }

    @AfterEach
    void restoreSettings() {
        if (context.getEnvironment().getPropertySources().contains(RUNTIME_SETTINGS)) {
            changeSettings(Map.of());
        }
    }

    /** Runs the worker until nothing is due; answers how many events it took. */
    protected int drain() {
        int total = 0;
        for (int round = 0; round < 50; round++) {
            int taken = worker.runOnce();
            if (taken == 0) {
                return total;
            }
            total += taken;
        }
        return total;
    }

    /** POSTs {@code message} to {@code /callback/{agentId}}, encrypted and signed as WeCom would. */
    protected ResponseEntity<String> post(int agentId, String token, String aesKey, String corpId, String message) {
        return postTo("/callback/" + agentId, agentId, token, aesKey, corpId, message);
    }

    /** POSTs {@code message} to {@code path}, encrypted and signed as WeCom would. */
    protected ResponseEntity<String> postTo(String path, int agentId, String token, String aesKey, String corpId, String message) {
        String encrypted = WeComCallbacks.encrypt(message, aesKey, corpId);
        String timestamp = WeComCallbacks.now();
        String signature = WeComCallbacks.signature(token, timestamp, "nonce1", encrypted);
        return postRaw(path + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=nonce1",
                WeComCallbacks.envelope(encrypted, corpId, agentId));
    }

    /** A callback for the corp with a reader app. */
    protected ResponseEntity<String> post(String message) {
        return post(WeComCallbacks.AGENT_WITH_READER, WeComCallbacks.TOKEN_1, WeComCallbacks.AES_KEY_1,
                WeComCallbacks.CORP_WITH_READER, message);
    }

    protected ResponseEntity<String> postRaw(String pathAndQuery, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        return http.exchange(pathAndQuery, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    protected int inboxCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbox_event", Integer.class);
    }

    /** Adds an admin token to {@code /admin} calls; callbacks stay without one, as WeCom sends them. */
    private static final class AdminToken implements ClientHttpRequestInterceptor {

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            if (request.getURI().getPath().startsWith("/admin") && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(token(Scopes.ADMIN));
            }
            return execution.execute(request, body);
        }
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }
}

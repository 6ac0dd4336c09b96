package io.wecomsync.e2e;

import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services with no local/test profile — production-style configuration from the environment, as
 * in deploy/docker-compose.yml — pointed at the embedded MariaDB and Redis: they start with their
 * secrets set, and refuse to start, naming what is missing, without them.
 */
class ProductionConfigIntegrationTests {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String SECRET = "production-style-secret-of-32-bytes-or-more";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROD_CORP = "wwprod00000001";
    private static final String PROD_MOBILE = "13912345678";

    @Test
    void mdmServiceStartsWithItsSecretsFromTheEnvironmentAndRefusesWithout() throws Exception {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("mdm_prod");
        Map<String, String> env = Map.of(
                "MDM_DB_URL", db.jdbcUrl(), "MDM_DB_USERNAME", db.username(), "MDM_DB_PASSWORD", db.password(),
                "WECOM_JWT_SECRET", SECRET);
        Map<String, String> withKeys = new HashMap<>(env);
        withKeys.putAll(Map.of("MDM_PII_KEYS_K1", KEY, "MDM_PII_ACTIVE_KEY_ID", "k1", "MDM_PII_HASH_KEY", KEY));

        ServiceJar started = TestServices.startJar("mdm-prod", "mdm-service", FreePorts.find(), withKeys, List.of());
        try {
            started.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            started.stop();
        }

        ServiceJar refused = TestServices.startJar("mdm-prod-nokeys", "mdm-service", FreePorts.find(), env, List.of());
        try {
            awaitExit(refused);
        } finally {
            refused.stop();
        }
        assertThat(Files.readString(Path.of("target", "mdm-prod-nokeys.log"))).contains("MDM_PII_KEYS_");
    }

    /**
     * The three services as deploy/docker-compose.yml starts them, minus Nacos (its profile is the only
     * difference): settings and secrets from the environment, the corp as SPRING_APPLICATION_JSON, the
     * database over TLS (the default; MariaDB 11.4 makes itself a certificate as MySQL 8 does). They come
     * up, and the gateway routes an operator's call to each.
     */
    @Test
    void allThreeServicesStartFromTheEnvironmentAsInTheComposeFile() throws Exception {
        int mdmPort = FreePorts.find();
        int wxPort = FreePorts.find();
        int gatewayPort = FreePorts.find();
        Map<String, String> mdmEnv = new HashMap<>(database("MDM", TestInfrastructure.database("mdm_prod_all")));
        mdmEnv.putAll(mdmSecrets());
        mdmEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"); // the documented switch to JSON logs
        Map<String, String> wxEnv = new HashMap<>(database("WX", TestInfrastructure.database("wx_prod_all")));
        wxEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        wxEnv.putAll(Map.of("WECOM_JWT_SECRET", SECRET, "WX_REDIS_URL", TestInfrastructure.redisUrl(),
                "WX_MDM_URL", "http://127.0.0.1:" + mdmPort,
                "WX_INBOX_KEYS_K1", KEY, "WX_INBOX_ACTIVE_KEY_ID", "k1",
                // WeCom itself is out of reach here: the start-up IP refresh keeps trying in the background
                "SPRING_APPLICATION_JSON", """
                        {"wx":{"cp":{"api-base-url":"http://127.0.0.1:%d","application":[{"corpId":"wwprod00000001",
                        "readerAgentId":1000002,"appConfigs":[{"agentId":1000002,"secret":"app-secret","token":"callbackToken",
                        "aesKey":"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"}]}]}}}""".formatted(FreePorts.find())));
        Map<String, String> gatewayEnv = Map.of("WECOM_JWT_SECRET", SECRET,
                "MDM_URL", "http://127.0.0.1:" + mdmPort, "WX_URL", "http://127.0.0.1:" + wxPort);

        long tlsBefore = tlsConnectionsAccepted();
        List<ServiceJar> started = new ArrayList<>();
        try {
            started.add(TestServices.startJar("mdm-prod-all", "mdm-service", mdmPort, mdmEnv, List.of()));
            started.add(TestServices.startJar("wx-prod-all", "wx-service", wxPort, wxEnv, List.of()));
            started.add(TestServices.startJar("gateway-prod-all", "gateway", gatewayPort, gatewayEnv, List.of()));
            for (ServiceJar service : started) {
                service.awaitHealthy(Duration.ofSeconds(120));
            }

            String token = new TokenMinter(SECRET, Clock.systemUTC()).mint("prod-operator", "admin", Duration.ofMinutes(5));
            String gateway = "http://127.0.0.1:" + gatewayPort;
            assertThat(get(gateway + "/api/mdm/users?corpId=wwprod00000001&wxUserId=nobody", token).statusCode()).isEqualTo(200);
            assertThat(get(gateway + "/api/wx/inbox/counts", token).statusCode()).isEqualTo(200);
            assertThat(get(gateway + "/api/wx/inbox/counts", "not-a-token").statusCode()).isEqualTo(401);
            assertThat(tlsConnectionsAccepted() - tlsBefore).as("database connections made over TLS").isPositive();

            // a signed WeCom callback straight to wx-service (the gateway admits only WeCom's IPs), carrying personal data
            String message = new ContactEvents(PROD_CORP, Clock.systemUTC()).message("create_user", new LinkedHashMap<>(Map.of(
                    "UserID", "prod-zhangsan", "Name", "张三", "Mobile", PROD_MOBILE, "Email", "zhangsan@prod.example")));
            assertThat(new CallbackSender("http://127.0.0.1:" + wxPort + "/callback/1000002", PROD_CORP, "callbackToken",
                    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", 1000002, Duration.ZERO).send(message).delivered()).isTrue();
            RunningSystem.await(Duration.ofSeconds(60), "the user applied to mdm-service", () -> answers(gateway
                    + "/api/mdm/users?corpId=" + PROD_CORP + "&wxUserId=prod-zhangsan", token, "prod-zhangsan"));
            for (ServiceJar service : started.subList(0, 2)) {
                List<String> lines = Files.readAllLines(Path.of("target", service.name() + ".log"));
                assertThat(lines.stream().filter(line -> line.startsWith("{\"@timestamp\"")).count())
                        .as(service.name() + " logs ECS JSON").isGreaterThan(10);
                assertThat(String.join("\n", lines)).as(service.name() + " logs no personal data")
                        .doesNotContain(PROD_MOBILE).doesNotContain("zhangsan@prod.example");
            }
        } finally {
            started.forEach(ServiceJar::stop);
        }
    }

    /** Where a service finds {@code db}, the way the compose file says it: host, port and name; TLS by default. */
    private static Map<String, String> database(String prefix, TestInfrastructure.TestDatabase db) {
        Matcher url = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/([^?]+).*").matcher(db.jdbcUrl());
        assertThat(url.matches()).as(db.jdbcUrl()).isTrue();
        return Map.of(prefix + "_DB_HOST", url.group(1), prefix + "_DB_PORT", url.group(2), prefix + "_DB_NAME", url.group(3),
                prefix + "_DB_USERNAME", db.username(), prefix + "_DB_PASSWORD", db.password());
    }

    /** How many TLS connections the test database server has accepted so far. */
    private static long tlsConnectionsAccepted() throws Exception {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("wx_prod_all");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             ResultSet status = connection.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Ssl_accepts'")) {
            return status.next() ? status.getLong(2) : 0;
        }
    }

    private static Map<String, String> mdmSecrets() {
        return Map.of("WECOM_JWT_SECRET", SECRET,
                "MDM_PII_KEYS_K1", KEY, "MDM_PII_ACTIVE_KEY_ID", "k1", "MDM_PII_HASH_KEY", KEY);
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean answers(String url, String token, String expected) {
        try {
            return get(url, token).body().contains(expected);
        } catch (Exception notYet) {
            return false;
        }
    }

    private static void awaitExit(ServiceJar service) throws InterruptedException {
        for (int i = 0; i < 240 && service.isAlive(); i++) {
            Thread.sleep(250);
        }
        assertThat(service.isAlive()).as("it refuses to start").isFalse();
    }
}

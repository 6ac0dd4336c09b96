package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.wecomsync.e2e.RunningSystem.CORP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators follow: one WeCom change by its trace id from the gateway to the operation log and the
 * CRM, and alert rules and a dashboard under {@code deploy/observability/} that name only metrics the
 * running services really export (a renamed meter breaks this test instead of silently muting an alert).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIntegrationTests {

    private static final Path OBSERVABILITY = Path.of("..", "deploy", "observability");
    private static final Pattern METRIC = Pattern.compile("\\b((?:wecom|resilience4j|http_server)_[a-z0-9_]+)");

    private static final String CRM_PATH = "/api/users/sync";
    private static final String OTLP_PATH = "/v1/traces";

    private WireMockServer crm;
    private RunningSystem system;

    @BeforeAll
    void start() throws Exception {
        crm = new WireMockServer(options().dynamicPort());
        crm.start();
        crm.stubFor(WireMock.post(urlPathEqualTo(CRM_PATH)).willReturn(aResponse().withStatus(200)));
        // the same server stands in for an OpenTelemetry collector: mdm-service exports its spans there
        crm.stubFor(WireMock.post(urlPathEqualTo(OTLP_PATH)).willReturn(aResponse().withStatus(200)));
        system = new RunningSystem("_observability", """
                logging.structured.format.console: ecs
                wx:
                  notify:
                    enabled: true
                    to-users: [itadmin]
                    cron: "0/1 * * * * ?"
                """, "--mdm.crm.base-url=" + crm.baseUrl(), "--mdm.outbox.relay-enabled=true",
                "--management.otlp.tracing.endpoint=" + crm.baseUrl() + OTLP_PATH, "--management.tracing.sampling.probability=1.0");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
        crm.stop();
    }

    @Test
    void oneCallbackIsFoundByItsTraceIdInTheInboxTheOperationLogAndTheCrmCall() throws Exception {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String traceId = HexFormat.of().formatHex(random);
        ContactEvents events = new ContactEvents(CORP, Clock.systemUTC());
        HttpRequest signed = system.callbacks().sign(events.createUser(
                new Directory.User("traced", "追踪", List.of(1L), 1L, null, "13912345678", "traced@example.com", null, 1), false));
        HttpRequest traced = HttpRequest.newBuilder(signed, (name, value) -> true)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build();
        RunningSystem.await(Duration.ofSeconds(90), "the traced callback answered 200 through the gateway", () -> {
            try {
                return HttpClient.newHttpClient().send(traced, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });

        RunningSystem.await(Duration.ofSeconds(60), "the user's upsert and its CRM delivery under the trace",
                () -> actions(traceId).containsAll(List.of("USER_UPSERT", "CRM_PUSH")));
        JsonNode entries = system.get("/api/mdm/oper-logs?traceId=" + traceId).json().path("data").path("items");
        for (JsonNode entry : entries) {
            assertThat(entry.path("traceId").asText()).isEqualTo(traceId);
            assertThat(entry.path("result").asText()).as(entry.path("action").asText()).isIn("CREATED", "SUCCESS");
        }
        assertThat(crm.findAll(postRequestedFor(urlPathEqualTo(CRM_PATH))
                .withHeader("traceparent", containing("-" + traceId + "-")))).as("CRM calls carrying the trace").isNotEmpty();
        JsonNode inbox = system.get("/api/wx/inbox/events?corpId=" + CORP + "&entityKey=user:" + CORP + ":traced")
                .json().path("data").path("items");
        assertThat(inbox).extracting(event -> event.path("traceId").asText()).containsExactly(traceId);
        assertThat(system.get("/api/mdm/oper-logs?traceId=not%20a%20trace").status()).isEqualTo(400);
        RunningSystem.await(Duration.ofSeconds(30), "spans exported over OTLP (one property set)",
                () -> !crm.findAll(postRequestedFor(urlPathEqualTo(OTLP_PATH))).isEmpty());
        for (String service : List.of("gateway", "wx-service", "mdm-service")) {
            assertThat(Files.readString(system.logs.resolve(service + ".log"))).as(service + "'s log")
                    .doesNotContain("13912345678").doesNotContain("traced@example.com");
        }
    }

    @Test
    void anEventGoneDeadIsMessagedToTheAdminsInWeComAndTheSendIsLogged() throws Exception {
        ContactEvents events = new ContactEvents(CORP, Clock.systemUTC());
        // WeCom never sends this (a deletion naming nobody): it cannot be applied, ever
        assertThat(system.callbacks().send(events.message("delete_user", Map.of())).lastStatus()).isEqualTo(200);

        RunningSystem.await(Duration.ofSeconds(60), "a message to the admins",
                () -> !system.weCom.sentMessages().isEmpty());
        WeComApiServer.SentMessage message = system.weCom.sentMessages().get(0);
        assertThat(message.toUser()).isEqualTo("itadmin");
        assertThat(message.agentId()).isEqualTo(RunningSystem.AGENT);
        assertThat(message.content()).contains("DEAD", CORP, "delete_user");
        RunningSystem.await(Duration.ofSeconds(60), "the send in the operation log", () -> {
            try {
                return system.get("/api/mdm/oper-logs?action=ADMIN_NOTICE").json().path("data").path("total").asInt() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode entry = system.get("/api/mdm/oper-logs?action=ADMIN_NOTICE").json().path("data").path("items").get(0);
        assertThat(entry.path("result").asText()).isEqualTo("SENT");
        assertThat(entry.path("message").asText()).contains("users=itadmin", "DEAD_EVENTS:" + CORP);
        // wx-service logs JSON here (logging.structured.format.console=ecs), the event's trace id on its DEAD line
        String traceId = system.get("/api/wx/inbox/events?status=DEAD&corpId=" + CORP).json().path("data").path("items")
                .get(0).path("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");
        List<JsonNode> deadLines = new ArrayList<>();
        for (String line : Files.readAllLines(system.logs.resolve("wx-service.log"))) {
            if (line.startsWith("{") && line.contains("is DEAD")) {
                deadLines.add(new ObjectMapper().readTree(line));
            }
        }
        assertThat(deadLines).extracting(line -> line.path("traceId").asText()).contains(traceId);
        Thread.sleep(2500);
        assertThat(system.weCom.sentMessages()).as("one message per condition and interval, though the job runs every second")
                .hasSize(1);
    }

    private List<String> actions(String traceId) {
        try {
            List<String> actions = new ArrayList<>();
            system.get("/api/mdm/oper-logs?traceId=" + traceId).json().path("data").path("items")
                    .forEach(entry -> actions.add(entry.path("action").asText()));
            return actions;
        } catch (Exception e) {
            return List.of();
        }
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardNameIsExported() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Map<String, Object> rule : alertRules()) {
            named.addAll(metrics((String) rule.get("expr")));
        }
        JsonNode dashboard = new ObjectMapper().readTree(OBSERVABILITY.resolve("grafana-dashboard.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> named.addAll(metrics(target.path("expr").asText()))));
        // traffic that makes the services register what they register on first use
        CallbackSender weCom = system.callbacks();
        ContactEvents events = new ContactEvents(CORP, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        RunningSystem.await(Duration.ofSeconds(90), "a callback through the gateway", () -> {
            try {
                return weCom.send(events.createUser(new Directory.User("obs", "观测", List.of(1L), 1L, null, null, null, null, 1),
                        false)).lastStatus() == 200;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(system.post("/api/wx/reconcile/runs?corpId=" + CORP, "").status()).isEqualTo(202);
        RunningSystem.await(Duration.ofSeconds(60), "the run to end", () -> ended(runStatus()));

        // some gauges are read on a schedule (every 15 s): give them one round
        RunningSystem.await(Duration.ofSeconds(40), "every metric the rules and the dashboard name",
                () -> exported().containsAll(named));
        Set<String> exported = exported();

        assertThat(named).as("metrics the rules and the dashboard name").hasSizeGreaterThan(10);
        assertThat(exported).as("exported by wx-service, mdm-service and the gateway").containsAll(named);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertSaysHowBadItIsAndWhatHappened() throws Exception {
        List<Map<String, Object>> rules = alertRules();

        assertThat(rules).extracting(rule -> rule.get("alert")).contains("WeComSyncDeadEvents", "WeComSyncApplyLagHigh",
                "WeComSyncOldestPendingEvent", "WeComSyncMdmBreakerOpen", "WeComSyncCallbackIpRefreshFailing",
                "WeComSyncReconciliationNeedsAttention", "WeComSyncCrmBacklogGrowing");
        for (Map<String, Object> rule : rules) {
            assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).as(rule.get("alert") + " severity")
                    .isIn("page", "warn");
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).as(rule.get("alert") + " annotations").containsKeys("summary", "description");
            assertThat(Files.readString(Path.of("..", "README.md"))).as("README explains " + rule.get("alert"))
                    .contains((String) rule.get("alert"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws Exception {
        Map<String, Object> file;
        try (Reader reader = Files.newBufferedReader(OBSERVABILITY.resolve("prometheus-alerts.yml"))) {
            file = new Yaml().load(reader);
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    private static Set<String> metrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private Set<String> exported() {
        Set<String> exported = new TreeSet<>();
        try {
            exported.addAll(scrape("http://127.0.0.1:" + system.wxPort + "/actuator/prometheus"));
            exported.addAll(scrape("http://127.0.0.1:" + system.mdmPort + "/actuator/prometheus"));
            exported.addAll(scrape(system.gatewayUrl() + "/actuator/prometheus"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return exported;
    }

    private Set<String> scrape(String url) throws Exception {
        RunningSystem.Answer answer = system.getWithToken(url, system.adminToken());
        assertThat(answer.status()).as(url).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    private String runStatus() {
        try {
            return system.get("/api/wx/reconcile/runs?corpId=" + CORP).json().path("data").path("items").path(0)
                    .path("status").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static boolean ended(String status) {
        return !status.isEmpty() && !status.equals("RUNNING");
    }
}

package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import io.wecomsync.simulator.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.wecomsync.e2e.RunningSystem.CORP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and the dashboard under {@code deploy/observability/} name only metrics the running
 * services really export: a renamed meter breaks this test instead of silently muting an alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedObservabilityIntegrationTests {

    private static final Path OBSERVABILITY = Path.of("..", "deploy", "observability");
    private static final Pattern METRIC = Pattern.compile("\\b((?:wecom|resilience4j|http_server)_[a-z0-9_]+)");

    private RunningSystem system;

    @BeforeAll
    void start() throws Exception {
        system = new RunningSystem("_observability", null);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
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

        Set<String> exported = new TreeSet<>();
        exported.addAll(scrape("http://127.0.0.1:" + system.wxPort + "/actuator/prometheus"));
        exported.addAll(scrape("http://127.0.0.1:" + system.mdmPort + "/actuator/prometheus"));
        exported.addAll(scrape(system.gatewayUrl() + "/actuator/prometheus"));

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

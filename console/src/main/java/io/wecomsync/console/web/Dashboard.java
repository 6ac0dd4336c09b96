package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.console.ConsoleProperties;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures, gathered from wx-service and mdm-service as the operator: the inbox by status
 * and its oldest waiting event, received and applied per minute, the circuit breakers, the CRM outbox, the
 * latest reconciliation of each corp, the callback IP list's age. A service that does not answer leaves its
 * figures as "—" and a line saying why.
 */
@Component
class Dashboard {

    private static final List<String> STATUSES = List.of("DEAD", "PENDING", "PROCESSING", "FAILED", "DONE", "SKIPPED", "IGNORED");

    private final Services services;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    private final String loginIpType;

    Dashboard(Services services, ObjectMapper json, ConsoleProperties properties) {
        this.services = services;
        this.json = json;
        this.loginIpType = properties.loginIpType();
    }

    /** The whole page: the tiles and the chart. */
    void page(Operator operator, Model model) throws Exception {
        ServiceAnswer status = status(operator);
        tiles(operator, model, status);
        throughput(status, model);
    }

    /** The tiles (what the page refreshes every few seconds). */
    void tiles(Operator operator, Model model) {
        tiles(operator, model, status(operator));
    }

    private ServiceAnswer status(Operator operator) {
        return services.get(operator, "/api/wx/status", Map.of("minutes", 60));
    }

    private void tiles(Operator operator, Model model, ServiceAnswer status) {
        List<String> problems = new ArrayList<>();

        ServiceAnswer counts = services.get(operator, "/api/wx/inbox/counts", Map.of());
        Map<String, Long> inbox = new LinkedHashMap<>();
        STATUSES.forEach(name -> inbox.put(name, counts.data().path(name).asLong(0)));
        note(problems, "inbox", counts);
        model.addAttribute("inbox", inbox);
        model.addAttribute("inboxKnown", counts.ok());
        model.addAttribute("waiting", inbox.get("PENDING") + inbox.get("FAILED") + inbox.get("PROCESSING"));

        note(problems, "status", status);
        model.addAttribute("statusKnown", status.ok());
        model.addAttribute("oldestAge", age(status.data().path("oldestUnfinishedAt")));
        Map<String, String> breakers = new LinkedHashMap<>();
        status.data().path("circuitBreakers").properties().forEach(e -> breakers.put(e.getKey(), e.getValue().asText()));
        model.addAttribute("breakers", breakers);
        model.addAttribute("breakerOpen", breakers.values().stream().anyMatch(state -> !state.equals("CLOSED")));

        Map<String, Object> outbox = new LinkedHashMap<>();
        for (String state : List.of("PENDING", "DEAD")) {
            ServiceAnswer page = services.get(operator, "/api/mdm/admin/outbox", Map.of("status", state, "size", 1));
            outbox.put(state, page.ok() ? page.data().path("total").asLong() : "—");
            if (state.equals("PENDING")) {
                note(problems, "outbox", page);
            }
        }
        model.addAttribute("outbox", outbox);

        ServiceAnswer runs = services.get(operator, "/api/wx/reconcile/runs", Map.of("size", 50));
        note(problems, "reconcile", runs);
        Map<String, JsonNode> latestPerCorp = new LinkedHashMap<>();
        runs.data().path("items").forEach(run -> latestPerCorp.putIfAbsent(run.path("corpId").asText(), run));
        model.addAttribute("latestRuns", latestPerCorp.values());

        ServiceAnswer ips = services.get(operator, "/api/mdm/login-ips", Map.of("type", loginIpType));
        note(problems, "callback IPs", ips);
        model.addAttribute("ipListAge", age(ips.data().path("updatedAt")));
        model.addAttribute("ipListSize", ips.data().path("ips").size());
        model.addAttribute("problems", problems);
    }

    /** The chart's series (minute, received, applied) as JSON for the page's script, and the hour's totals. */
    private void throughput(ServiceAnswer status, Model model) throws Exception {
        List<long[]> series = new ArrayList<>();
        long received = 0;
        long applied = 0;
        for (JsonNode minute : status.data().path("perMinute")) {
            long at = Instant.parse(minute.path("at").asText()).getEpochSecond();
            series.add(new long[] {at, minute.path("received").asLong(), minute.path("applied").asLong()});
            received += minute.path("received").asLong();
            applied += minute.path("applied").asLong();
        }
        model.addAttribute("throughputJson", json.writeValueAsString(series));
        model.addAttribute("hourReceived", received);
        model.addAttribute("hourApplied", applied);
    }

    private static void note(List<String> problems, String what, ServiceAnswer answer) {
        if (!answer.ok()) {
            problems.add(what + ": " + answer.problem());
        }
    }

    /** "1h 05m", "12m 30s", "45s" since {@code time}; "—" when there is none. */
    private String age(JsonNode time) {
        if (!time.isTextual()) {
            return "—";
        }
        Duration age = Duration.between(Instant.parse(time.asText()), clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.toHours() > 0) {
            return "%dh %02dm".formatted(age.toHours(), age.toMinutesPart());
        }
        return age.toMinutes() > 0 ? "%dm %02ds".formatted(age.toMinutes(), age.toSecondsPart()) : age.toSeconds() + "s";
    }
}

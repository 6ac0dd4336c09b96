package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The morning page: the inbox by status (DEAD first), the CRM outbox, the latest reconciliations. */
@Controller
class DashboardController {

    private final Services services;

    DashboardController(Services services) {
        this.services = services;
    }

    @GetMapping("/")
    String dashboard(Authentication authentication, Model model) {
        Operator operator = Operator.of(authentication);
        List<String> problems = new ArrayList<>();

        ServiceAnswer counts = services.get(operator, "/api/wx/inbox/counts", Map.of());
        Map<String, Long> inbox = new LinkedHashMap<>();
        for (String status : List.of("DEAD", "PENDING", "PROCESSING", "FAILED", "DONE", "SKIPPED", "IGNORED")) {
            inbox.put(status, counts.data().path(status).asLong(0));
        }
        note(problems, "inbox", counts);
        model.addAttribute("inbox", inbox);
        model.addAttribute("inboxKnown", counts.ok());

        Map<String, Object> outbox = new LinkedHashMap<>();
        for (String status : List.of("PENDING", "DEAD")) {
            ServiceAnswer page = services.get(operator, "/api/mdm/admin/outbox", Map.of("status", status, "size", 1));
            outbox.put(status, page.ok() ? page.data().path("total").asLong() : "—");
            if (status.equals("PENDING")) {
                note(problems, "outbox", page);
            }
        }
        model.addAttribute("outbox", outbox);

        ServiceAnswer runs = services.get(operator, "/api/wx/reconcile/runs", Map.of("size", 5));
        note(problems, "reconcile", runs);
        model.addAttribute("runs", list(runs.data().path("items")));
        model.addAttribute("problems", problems);
        return "dashboard";
    }

    private static void note(List<String> problems, String what, ServiceAnswer answer) {
        if (!answer.ok()) {
            problems.add(what + ": " + answer.problem());
        }
    }

    static List<JsonNode> list(JsonNode items) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}

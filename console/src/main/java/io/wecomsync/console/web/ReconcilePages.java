package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation: the runs, newest first; start a run or a dry run (admins); one run with its counts,
 * samples and live progress; and for a run awaiting confirmation the deletions it holds, to confirm or
 * reject (admins).
 */
@Controller
class ReconcilePages {

    /** The phases of a run in order, for its progress bar. */
    static final List<String> PHASES = List.of("STARTING", "READING_DEPARTMENTS", "READING_USERS", "READING_TAGS",
            "COMPARING", "STORING_EVENTS", "FINISHED");

    private final Services services;

    ReconcilePages(Services services) {
        this.services = services;
    }

    @GetMapping("/reconcile")
    String runs(@RequestParam(required = false) String corpId, @RequestParam(defaultValue = "1") String page,
                Authentication authentication, Model model, HttpServletResponse response) {
        Map<String, Object> query = new HashMap<>();
        query.put("corpId", corpId);
        query.put("page", page);
        query.put("size", 20);
        ServiceAnswer runs = services.get(Operator.of(authentication), "/api/wx/reconcile/runs", query);
        model.addAttribute("filter", query);
        model.addAttribute("runs", DashboardController.list(runs.data().path("items")));
        model.addAttribute("total", runs.data().path("total").asLong(0));
        model.addAttribute("page", runs.data().path("page").asLong(1));
        if (!runs.ok()) {
            model.addAttribute("problem", runs.problem());
        }
        response.setStatus(runs.ok() ? 200 : runs.status());
        return "reconcile";
    }

    @PostMapping("/reconcile")
    String start(@RequestParam(required = false) String corpId, @RequestParam(defaultValue = "false") boolean dryRun,
                 Authentication authentication, RedirectAttributes redirect) {
        ServiceAnswer started = services.post(Operator.of(authentication), "/api/wx/reconcile/runs",
                Map.of("corpId", corpId == null ? "" : corpId, "dryRun", dryRun));
        Flashes.flash(redirect, started, dryRun ? "reconcile.dryRunStarted" : "reconcile.started");
        return started.ok() ? "redirect:/reconcile/" + started.data().path("id").asLong() : "redirect:/reconcile";
    }

    @GetMapping("/reconcile/{id}")
    String run(@PathVariable long id, Authentication authentication, Model model, HttpServletResponse response) {
        Operator operator = Operator.of(authentication);
        ServiceAnswer run = services.get(operator, "/api/wx/reconcile/runs/" + id, Map.of());
        show(run, model);
        if (run.ok() && run.data().path("counts").path("deletionsPending").asInt() > 0) {
            ServiceAnswer held = services.get(operator, "/api/wx/reconcile/runs/" + id + "/deletions", Map.of());
            model.addAttribute("held", held.data());
            if (!held.ok()) {
                model.addAttribute("problem", held.problem());
            }
        }
        if (!run.ok()) {
            model.addAttribute("problem", run.problem());
        }
        response.setStatus(run.ok() ? 200 : run.status());
        return "run";
    }

    /**
     * The run's progress alone: what the page's live part fetches every few seconds while the run runs. Once
     * it has ended, htmx is told to reload the whole page, which then shows what depends on the outcome
     * (the held deletions, the actions).
     */
    @GetMapping("/reconcile/{id}/progress")
    String progress(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    Authentication authentication, Model model, HttpServletResponse response) {
        ServiceAnswer run = services.get(Operator.of(authentication), "/api/wx/reconcile/runs/" + id, Map.of());
        show(run, model);
        response.setStatus(run.ok() ? 200 : run.status());
        if (run.ok() && !Boolean.TRUE.equals(model.getAttribute("running")) && "true".equals(htmx)) {
            response.setHeader("HX-Refresh", "true");
        }
        return "run :: progress";
    }

    @PostMapping("/reconcile/{id}/confirm")
    String confirm(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        ServiceAnswer done = services.post(Operator.of(authentication), "/api/wx/reconcile/runs/" + id + "/confirm", Map.of());
        Flashes.flash(redirect, done, "reconcile.confirmed");
        return "redirect:/reconcile/" + id;
    }

    @PostMapping("/reconcile/{id}/reject")
    String reject(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        ServiceAnswer done = services.post(Operator.of(authentication), "/api/wx/reconcile/runs/" + id + "/reject", Map.of());
        Flashes.flash(redirect, done, "reconcile.rejected");
        return "redirect:/reconcile/" + id;
    }

    private static void show(ServiceAnswer run, Model model) {
        JsonNode data = run.data();
        model.addAttribute("run", data);
        int phase = PHASES.indexOf(data.path("phase").asText("STARTING"));
        model.addAttribute("phaseIndex", Math.max(phase, 0));
        model.addAttribute("phaseCount", PHASES.size() - 1);
        model.addAttribute("running", "RUNNING".equals(data.path("status").asText()));
    }
}

package io.wecomsync.console.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * The inbox: events by corp, status, change type, entity and time; one event with its masked fields, attempts and error;
 * replay one, replay every DEAD event of a corp, skip a DEAD event with a reason (admins only).
 */
@Controller
class InboxPages {

    private final Services services;

    InboxPages(Services services) {
        this.services = services;
    }

    @GetMapping("/inbox")
    String list(@RequestParam Map<String, String> parameters, @RequestParam(defaultValue = "1") String page,
                Authentication authentication, Model model, HttpServletResponse response) {
        Map<String, Object> query = new HashMap<>();
        for (String name : new String[]{"corpId", "status", "changeType", "entityKey", "from", "to"}) {
            query.put(name, parameters.get(name));
        }
        query.put("page", page);
        query.put("size", 50);
        ServiceAnswer events = services.get(Operator.of(authentication), "/api/wx/inbox/events", query);
        model.addAttribute("filter", query);
        model.addAttribute("events", DashboardController.list(events.data().path("items")));
        model.addAttribute("total", events.data().path("total").asLong(0));
        model.addAttribute("page", events.data().path("page").asLong(1));
        if (!events.ok()) {
            model.addAttribute("problem", events.problem());
        }
        response.setStatus(events.ok() ? 200 : events.status());
        return "inbox";
    }

    @GetMapping("/inbox/{id}")
    String event(@PathVariable long id, Authentication authentication, Model model, HttpServletResponse response) {
        ServiceAnswer event = services.get(Operator.of(authentication), "/api/wx/inbox/events/" + id, Map.of());
        model.addAttribute("event", event.data());
        if (!event.ok()) {
            model.addAttribute("problem", event.problem());
        }
        response.setStatus(event.ok() ? 200 : event.status());
        return "event";
    }

    @PostMapping("/inbox/{id}/replay")
    String replay(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        ServiceAnswer done = services.post(Operator.of(authentication), "/api/wx/inbox/events/" + id + "/replay", Map.of());
        Flashes.flash(redirect, done, "inbox.replayed");
        return "redirect:/inbox/" + id;
    }

    @PostMapping("/inbox/{id}/skip")
    String skip(@PathVariable long id, @RequestParam(required = false) String reason, Authentication authentication,
                RedirectAttributes redirect) {
        ServiceAnswer done = services.post(Operator.of(authentication), "/api/wx/inbox/events/" + id + "/skip",
                Map.of("reason", reason == null ? "" : reason));
        Flashes.flash(redirect, done, "inbox.skipped");
        return "redirect:/inbox/" + id;
    }

    @PostMapping("/inbox/replay-dead")
    String replayDead(@RequestParam(required = false) String corpId, Authentication authentication, RedirectAttributes redirect) {
        ServiceAnswer done = services.post(Operator.of(authentication), "/api/wx/inbox/replay-dead",
                Map.of("corpId", corpId == null ? "" : corpId));
        Flashes.flash(redirect, done, "inbox.replayedAll");
        return "redirect:/inbox?status=DEAD" + (corpId == null || corpId.isBlank() ? "" : "&corpId=" + corpId);
    }
}

package io.wecomsync.console.web;

import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.Map;

/** The operation log (操作日志): by corp, action, target, trace and time, newest first, paged. */
@Controller
class OperLogPages {

    private final Services services;

    OperLogPages(Services services) {
        this.services = services;
    }

    @GetMapping("/oper-logs")
    String search(@RequestParam(required = false) String corpId, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String targetId, @RequestParam(required = false) String traceId,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(defaultValue = "1") String page,
                  Authentication authentication, Model model, HttpServletResponse response) {
        Map<String, Object> query = new HashMap<>();
        query.put("corpId", corpId);
        query.put("action", action);
        query.put("targetId", targetId);
        query.put("traceId", traceId);
        query.put("from", from);
        query.put("to", to);
        query.put("page", page);
        query.put("size", 50);
        ServiceAnswer entries = services.get(Operator.of(authentication), "/api/mdm/oper-logs", query);
        model.addAttribute("filter", query);
        model.addAttribute("entries", DashboardController.list(entries.data().path("items")));
        model.addAttribute("total", entries.data().path("total").asLong(0));
        model.addAttribute("page", entries.data().path("page").asLong(1));
        if (!entries.ok()) {
            model.addAttribute("problem", entries.problem());
        }
        response.setStatus(entries.ok() ? 200 : entries.status());
        return "oplog";
    }
}

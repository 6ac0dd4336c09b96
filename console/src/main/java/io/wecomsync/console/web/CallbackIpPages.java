package io.wecomsync.console.web;

import io.wecomsync.console.ConsoleProperties;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The callback IP list (WeCom's, which the gateway admits callbacks from): the addresses, when it was last
 * replaced, the latest refreshes and failures from the operation log, and refresh now (admins).
 */
@Controller
class CallbackIpPages {

    private final Services services;
    private final String loginIpType;

    CallbackIpPages(Services services, ConsoleProperties properties) {
        this.services = services;
        this.loginIpType = properties.loginIpType();
    }

    @GetMapping("/callback-ips")
    String lists(Authentication authentication, Model model, HttpServletResponse response) {
        Operator operator = Operator.of(authentication);
        ServiceAnswer list = services.get(operator, "/api/mdm/login-ips", Map.of("type", loginIpType));
        ServiceAnswer history = services.get(operator, "/api/mdm/oper-logs", Map.of("targetType", "LOGIN_IP", "size", 10));
        model.addAttribute("list", list.data());
        model.addAttribute("history", DashboardController.list(history.data().path("items")));
        ServiceAnswer failed = !list.ok() ? list : history;
        if (!failed.ok()) {
            model.addAttribute("problem", failed.problem());
        }
        response.setStatus(list.ok() ? 200 : list.status());
        return "callback-ips";
    }

    @PostMapping("/callback-ips/refresh")
    String refresh(Authentication authentication, RedirectAttributes redirect) {
        ServiceAnswer done = services.post(Operator.of(authentication), "/api/wx/jobs/callback-ip/run", Map.of());
        Flashes.flash(redirect, done, done.data().path("replaced").asBoolean() ? "ips.refreshed" : "ips.notReplaced");
        return "redirect:/callback-ips";
    }
}

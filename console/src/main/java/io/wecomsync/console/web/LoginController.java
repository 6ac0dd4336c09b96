package io.wecomsync.console.web;

import io.wecomsync.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    private final boolean weCom;

    LoginController(ConsoleProperties properties) {
        this.weCom = properties.wecom().enabled();
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("weComLogin", weCom);
        return "login";
    }

    /** Where Spring Security forwards a signed-in operator whose role does not allow the request. */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }
}

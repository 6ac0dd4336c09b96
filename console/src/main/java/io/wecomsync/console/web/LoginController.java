package io.wecomsync.console.web;

import io.wecomsync.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.LinkedHashMap;
import java.util.Map;

@Controller
class LoginController {

    private final boolean weCom;
    /** Registration id → the name to show, of each OIDC provider configured. */
    private final Map<String, String> oidcProviders = new LinkedHashMap<>();

    LoginController(ConsoleProperties properties, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.weCom = properties.wecom().enabled();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration provider = (ClientRegistration) registration;
                oidcProviders.put(provider.getRegistrationId(), provider.getClientName());
            }
        }
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("weComLogin", weCom);
        model.addAttribute("oidcProviders", oidcProviders);
        return "login";
    }

    /** Where Spring Security forwards a signed-in operator whose role does not allow the request. */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }
}

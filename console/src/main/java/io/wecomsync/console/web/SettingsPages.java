package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.config.SettingsInEffect;
import io.wecomsync.console.security.ConsoleRoles;
import io.wecomsync.console.security.Operator;
import io.wecomsync.console.services.ServiceAnswer;
import io.wecomsync.console.services.Services;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings that change at run time, as they are in effect (read only), each with where it comes from:
 * wx-service's (inbox, reconciliation, notices, directory mapping) and the console's own roles.
 */
@Controller
class SettingsPages {

    private final Services services;
    private final ConsoleRoles roles;
    private final Environment environment;
    private final ObjectMapper json;

    SettingsPages(Services services, ConsoleRoles roles, Environment environment, ObjectMapper json) {
        this.services = services;
        this.roles = roles;
        this.environment = environment;
        this.json = json;
    }

    @GetMapping("/settings")
    String settings(Authentication authentication, Model model) {
        ServiceAnswer wx = services.get(Operator.of(authentication), "/api/wx/settings", Map.of());
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        wx.data().properties().forEach(group -> {
            List<Map<String, String>> rows = new ArrayList<>();
            group.getValue().forEach(setting -> rows.add(Map.of("key", setting.path("key").asText(),
                    "value", setting.path("value").asText(), "origin", setting.path("origin").asText())));
            groups.put("wx-service · " + group.getKey(), rows);
        });
        List<Map<String, String>> own = new ArrayList<>();
        SettingsInEffect.of(roles, environment, json).forEach(setting -> own.add(Map.of("key", setting.key(),
                "value", setting.value(), "origin", setting.origin())));
        groups.put("console · " + roles.prefix(), own);
        model.addAttribute("groups", groups);
        if (!wx.ok()) {
            model.addAttribute("problem", "wx-service: " + wx.problem());
        }
        return "settings";
    }
}

package io.wecomsync.wx.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.config.LiveProperties;
import io.wecomsync.common.config.SettingsInEffect;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /admin/settings} (through the gateway {@code /api/wx/settings}): wx-service's settings that
 * change at run time, as they are in effect now, each with where it comes from. Secrets are hidden.
 */
@RestController
class SettingsController {

    private final List<LiveProperties<?>> settings;
    private final Environment environment;
    private final ObjectMapper json;

    SettingsController(List<LiveProperties<?>> settings, Environment environment, ObjectMapper json) {
        this.settings = settings;
        this.environment = environment;
        this.json = json;
    }

    /** Prefix (e.g. {@code wx.inbox}) → its settings in effect, by name. */
    @GetMapping("/admin/settings")
    Result<Map<String, List<SettingsInEffect.Setting>>> inEffect() {
        Map<String, List<SettingsInEffect.Setting>> byPrefix = new TreeMap<>();
        settings.stream().sorted(Comparator.comparing(LiveProperties::prefix))
                .forEach(live -> byPrefix.put(live.prefix(), SettingsInEffect.of(live, environment, json)));
        return Result.ok(byPrefix);
    }
}

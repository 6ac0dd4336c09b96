package io.wecomsync.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings as they are in effect, for operators: each value of a {@link LiveProperties} (as it stands now,
 * after any change at run time) with where it comes from — a file and line, the environment, the command
 * line, Nacos, or the default in code. Values whose name says secret, password, token or key are hidden.
 */
public final class SettingsInEffect {

    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|aes-?key).*");

    private SettingsInEffect() {
    }

    /**
     * @param key    the property's name, e.g. {@code wx.inbox.batch-size}
     * @param value  its value in effect
     * @param origin where it comes from; {@code default} when nothing sets it
     */
    public record Setting(String key, String value, String origin) {
    }

    public static List<Setting> of(LiveProperties<?> live, Environment environment, ObjectMapper json) {
        List<Setting> settings = new ArrayList<>();
        flatten(live.prefix(), json.valueToTree(live.current()), settings, environment);
        return settings;
    }

    private static void flatten(String key, JsonNode node, List<Setting> settings, Environment environment) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(key + "." + kebab(field.getKey()), field.getValue(), settings, environment);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(key + "[" + i + "]", node.get(i), settings, environment);
            }
        } else {
            String value = node.isNull() ? "" : node.isArray() ? "[]" : node.asText();
            settings.add(new Setting(key, SECRET.matcher(key).matches() && !value.isEmpty() ? "******" : value,
                    origin(key, environment)));
        }
    }

    private static String origin(String key, Environment environment) {
        for (String candidate : List.of(key, key.replaceAll("\\[\\d+]$", ""))) {
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(candidate, '.');
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                ConfigurationProperty property = source.getConfigurationProperty(name);
                if (property != null) {
                    if (property.getOrigin() != null) {
                        return property.getOrigin().toString();
                    }
                    return source.getUnderlyingSource() instanceof PropertySource<?> underlying
                            ? underlying.getName() : String.valueOf(source.getUnderlyingSource());
                }
            }
        }
        return "default";
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

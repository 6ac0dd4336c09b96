package io.wecomsync.wx.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsInEffectIntegrationTests extends WxIntegrationTest {

    @Autowired
    ObjectMapper json;

    @AfterEach
    void restore() {
        changeSettings(Map.of());
    }

    @Test
    void eachLiveSettingShowsItsValueInEffectAndWhereItComesFrom() throws Exception {
        changeSettings(Map.of("wx.inbox.batch-size", "17"));

        JsonNode settings = json.readTree(http.getForEntity("/admin/settings", String.class).getBody()).path("data");

        assertThat(settings.fieldNames()).toIterable().contains("wx.inbox", "wx.reconcile", "wx.notify", "wx.directory");
        JsonNode batch = setting(settings.path("wx.inbox"), "wx.inbox.batch-size");
        assertThat(batch.path("value").asText()).as("the value changed at run time").isEqualTo("17");
        assertThat(batch.path("origin").asText()).as("Nacos's push, as the test plays it").contains("runtime-settings");
        JsonNode fromFile = setting(settings.path("wx.inbox"), "wx.inbox.poll-interval");
        assertThat(fromFile.path("origin").asText()).contains("application.yml");
        assertThat(settings.toString()).as("secrets never shown").doesNotContain("local-demo-secret");
    }

    private static JsonNode setting(JsonNode list, String key) {
        for (JsonNode setting : list) {
            if (setting.path("key").asText().equals(key)) {
                return setting;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }
}

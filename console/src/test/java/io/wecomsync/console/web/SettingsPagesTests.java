package io.wecomsync.console.web;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SettingsPagesTests extends ConsolePageTest {

    @Test
    void wxServicesAndTheConsolesOwnLiveSettingsAreShownWithTheirOrigins() throws Exception {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/settings")).willReturn(okJson(ok("""
                {"wx.inbox":[{"key":"wx.inbox.batch-size","value":"17","origin":"NACOS:wx-service.yaml"},
                             {"key":"wx.inbox.poll-interval","value":"PT0.5S","origin":"class path resource [application.yml] - 151:20"}]}"""))));

        String page = body(mvc.perform(page("/settings").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));

        assertThat(page).contains("wx-service · wx.inbox", "wx.inbox.batch-size", "17", "NACOS:wx-service.yaml",
                "console · console.roles", "console.roles.admin-users");
    }
}

package io.wecomsync.console.web;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CallbackIpPagesTests extends ConsolePageTest {

    @BeforeEach
    void servicesAnswer() {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/login-ips")).willReturn(okJson(ok("""
                {"type":"QYWX","ips":["101.226.103.0/25","58.251.80.0/24"],"updatedAt":"2026-12-06T06:00:00Z"}"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/oper-logs")).willReturn(okJson(ok("""
                {"page":1,"size":10,"total":1,"items":[{"id":3,"time":"2026-12-06T06:00:00Z","action":"LOGIN_IP_REFRESH",
                 "targetType":"LOGIN_IP","targetId":"QYWX","result":"FAILED","changes":[],"operator":null,
                 "message":"WeCom error 60020 for wwcorp"}]}"""))));
    }

    @Test
    void theListsTheirAgeAndTheLatestFailuresAreShownAndOnlyAdminsRefresh() throws Exception {
        String viewer = body(mvc.perform(page("/callback-ips").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));

        assertThat(viewer).contains("<li>58.251.80.0/24</li>", "上次替换：2026-12-06T06:00:00Z；2 个地址",
                "WeCom error 60020 for wwcorp").doesNotContain("id=\"refresh-ips\"");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/mdm/oper-logs")).withQueryParam("targetType", equalTo("LOGIN_IP")));
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/mdm/login-ips")).withQueryParam("type", equalTo("QYWX")));
        mvc.perform(post("/callback-ips/refresh").with(user("viewer").roles("VIEWER")).with(csrf())).andExpect(status().isForbidden());
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/wx/jobs/callback-ip/run")));
    }

    @Test
    void refreshingTellsWhetherTheListWasReplaced() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/wx/jobs/callback-ip/run")).willReturn(okJson(ok("""
                {"replaced":false,"ips":[],"problems":{"wwcorp":"WeCom returned no addresses"}}"""))));

        mvc.perform(post("/callback-ips/refresh").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("done", "ips.notReplaced"));
        assertThat(body(mvc.perform(page("/callback-ips").with(user("admin").roles("ADMIN"))))).contains("id=\"refresh-ips\"");
    }
}

package io.wecomsync.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsolePagesTests extends ConsolePageTest {

    private static final String COUNTS = "{\"code\":0,\"msg\":\"ok\",\"data\":{\"DEAD\":2,\"DONE\":40,\"PENDING\":1}}";

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void servicesAnswer() {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/inbox/counts")).willReturn(okJson(COUNTS)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/admin/outbox")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"page\":1,\"size\":1,\"total\":3,\"items\":[]}}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/status")).willReturn(okJson(ok("""
                {"perMinute":[{"at":"2026-12-06T08:00:00Z","received":5,"applied":3}],
                 "oldestUnfinishedAt":"2026-12-06T07:59:00Z","circuitBreakers":{"mdm":"OPEN"}}"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/login-ips")).willReturn(okJson(ok("""
                {"type":"QYWX","ips":["101.226.103.0/25","58.251.80.0/24"],"updatedAt":"2026-12-06T06:00:00Z"}"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/reconcile/runs")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"page\":1,\"size\":5,\"total\":1,\"items\":[{\"id\":7,\"corpId\":\"wwcorp\","
                        + "\"trigger\":\"SCHEDULED\",\"status\":\"AWAITING_CONFIRMATION\",\"startedAt\":\"2026-12-06T02:30:00Z\"}]}}")));
    }

    @Test
    void everyPageNeedsALoginAndTheLocalAdminCanSignIn() throws Exception {
        mvc.perform(page("/"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(formLogin("/login").user("admin").password("wrong-password-123")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("admin").password("admin-password-for-tests"))
                .andExpect(authenticated().withRoles("ADMIN")).andExpect(redirectedUrl("/"));
    }

    @Test
    void theDashboardShowsDeadEventsWithALinkToThemInChineseFirst() throws Exception {
        String page = mvc.perform(page("/").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("总览", "DEAD 事件", "/inbox?status=DEAD", "AWAITING_CONFIRMATION");
        assertThat(page).as("breakers, the hour's totals and the chart's data").contains("mdm: OPEN", "最近一小时：收到回调 5 条，应用事件 3 条",
                "[[1796544000,5,3]]", "id=\"ip-tile\"", "2 个地址");
        assertThat(page).as("scripts only from the console itself, none inline").doesNotContainPattern("<script(?![^>]*\\b(src=\"/(webjars|js)/|type=\"application/json\"))");
        assertThat(mvc.perform(page("/?lang=en").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Dashboard", "DEAD events", "Sign out");
    }

    @Test
    void callsGoThroughTheGatewayAsTheOperatorWithTheirRolesScope() throws Exception {
        mvc.perform(page("/").with(user("li.lei").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(page("/").with(user("han.meimei").roles("ADMIN"))).andExpect(status().isOk());

        List<LoggedRequest> calls = GATEWAY.findAll(getRequestedFor(urlPathEqualTo("/api/wx/inbox/counts")));
        JsonNode viewer = claims(calls.get(0));
        JsonNode admin = claims(calls.get(1));
        assertThat(viewer.path("sub").asText()).isEqualTo("li.lei");
        assertThat(viewer.path("scope").asText()).isEqualTo("wx.read mdm.read");
        assertThat(admin.path("sub").asText()).isEqualTo("han.meimei");
        assertThat(admin.path("scope").asText()).isEqualTo("admin");
        assertThat(admin.path("exp").asLong() - admin.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void replayingTakesAnAdminAndACsrfToken() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/wx/inbox/events/5/replay"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":{\"replayed\":1}}")));

        mvc.perform(post("/inbox/5/replay").with(user("viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/denied"));
        String denied = mvc.perform(page("/denied").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(post("/inbox/5/replay").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/wx/inbox/events/5/replay")));

        mvc.perform(post("/inbox/5/replay").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/inbox/5"));
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/api/wx/inbox/events/5/replay")));
        assertThat(denied).contains("只读用户只能查看");
    }

    @Test
    void aBadFilterGetsTheServicesMessageAndAnOutageSaysSoWithoutAStackTrace() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/inbox/events")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40001,\"msg\":\"status must be one of [PENDING, DEAD], got 'LOST'\",\"data\":null}")));
        String page = mvc.perform(page("/inbox?status=LOST").with(user("admin").roles("ADMIN")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("status must be one of [PENDING, DEAD], got &#39;LOST&#39;");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/oper-logs")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/inbox/events")).withQueryParam("entityKey", WireMock.equalTo("user:ww:张 三"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":{\"page\":1,\"size\":50,\"total\":0,\"items\":[]}}")));
        mvc.perform(page("/inbox").param("entityKey", "user:ww:张 三").param("changeType", "update_user")
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk());
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/wx/inbox/events")).withQueryParam("changeType", WireMock.equalTo("update_user")));

        String down = mvc.perform(page("/oper-logs?traceId=abc").with(user("admin").roles("ADMIN")))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(down).contains("the gateway cannot be reached").doesNotContain("Exception:").doesNotContain("at io.");

        mvc.perform(page("/inbox/not-a-number").with(user("admin").roles("ADMIN"))).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("NumberFormatException"))));
    }

    private JsonNode claims(LoggedRequest request) throws Exception {
        String token = request.getHeader("Authorization").substring("Bearer ".length());
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

}

package io.wecomsync.console.web;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReconcilePagesTests extends ConsolePageTest {

    private static final String AWAITING = """
            {"id":12,"corpId":"wwcorp","trigger":"SCHEDULED","dryRun":false,"status":"AWAITING_CONFIRMATION",
             "phase":"FINISHED","requestedBy":"scheduler","startedAt":"2026-12-06T02:30:00Z","finishedAt":"2026-12-06T02:31:10Z",
             "counts":{"usersRead":10,"departmentsRead":3,"tagsRead":1,"created":0,"updated":1,"deleted":0,"unchanged":5,
                       "failed":0,"unreadable":0,"deletionsPending":4},
             "wecomErrors":{},"samples":{"delete.users":["u01","u02"]},"message":"4 of 10 users would be deleted"}""";
    private static final String RUNNING = """
            {"id":13,"corpId":"wwcorp","trigger":"MANUAL","dryRun":true,"status":"RUNNING","phase":"READING_USERS",
             "requestedBy":"admin","startedAt":"2026-12-06T03:00:00Z",
             "counts":{"usersRead":120,"departmentsRead":3,"tagsRead":0,"created":0,"updated":0,"deleted":0,"unchanged":0,
                       "failed":0,"unreadable":0,"deletionsPending":0},"wecomErrors":{},"samples":{}}""";

    @BeforeEach
    void servicesAnswer() {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/reconcile/runs/12")).willReturn(okJson(ok(AWAITING))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/reconcile/runs/13")).willReturn(okJson(ok(RUNNING))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/reconcile/runs/12/deletions")).willReturn(okJson(ok("""
                {"users":{"total":4,"ids":["u01","u02","u03","u04"]},"departments":{"total":0,"ids":[]},
                 "tags":{"total":0,"ids":[]}}"""))));
    }

    @Test
    void aRunAwaitingConfirmationListsWhomItWouldDeleteAndOnlyAnAdminMayDecide() throws Exception {
        String admin = body(mvc.perform(page("/reconcile/12").with(user("admin").roles("ADMIN"))).andExpect(status().isOk()));
        String viewer = body(mvc.perform(page("/reconcile/12").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));

        assertThat(admin).contains("等待确认的删除", "成员（4）", "<li>u03</li>", "id=\"confirm\"", "id=\"reject\"",
                "4 of 10 users would be deleted");
        assertThat(viewer).contains("<li>u03</li>").doesNotContain("id=\"confirm\"");

        mvc.perform(post("/reconcile/12/confirm").with(user("viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/denied"));
        mvc.perform(post("/reconcile/12/confirm").with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/wx/reconcile/runs/12/confirm")));
    }

    @Test
    void confirmingCallsWxServiceAsTheAdminAndARefusalIsShown() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/wx/reconcile/runs/12/confirm")).willReturn(okJson(ok(AWAITING))));
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/wx/reconcile/runs/12/reject")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40900,\"msg\":\"run 12 is CONFIRMED; only a run AWAITING_CONFIRMATION can be rejected\",\"data\":null}")));

        mvc.perform(post("/reconcile/12/confirm").with(user("wang.fang").roles("ADMIN")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/reconcile/12"))
                .andExpect(flash().attribute("done", "reconcile.confirmed"));
        mvc.perform(post("/reconcile/12/reject").with(user("wang.fang").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem", "run 12 is CONFIRMED; only a run AWAITING_CONFIRMATION can be rejected"));

        assertThat(GATEWAY.findAll(postRequestedFor(urlPathEqualTo("/api/wx/reconcile/runs/12/confirm"))))
                .singleElement().satisfies(call -> assertThat(call.getHeader("Authorization")).startsWith("Bearer "));
    }

    @Test
    void startingARunPassesCorpAndDryRunAndGoesToTheRun() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/wx/reconcile/runs")).willReturn(okJson(ok(RUNNING)).withStatus(202)));

        mvc.perform(post("/reconcile").param("corpId", "wwcorp").param("dryRun", "true")
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/reconcile/13")).andExpect(flash().attribute("done", "reconcile.dryRunStarted"));

        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/wx/reconcile/runs"))
                .withQueryParam("corpId", equalTo("wwcorp")).withQueryParam("dryRun", equalTo("true")));
    }

    @Test
    void aRunningRunRefreshesItsProgressUntilItEndsThenThePageReloads() throws Exception {
        String running = body(mvc.perform(page("/reconcile/13").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));
        String part = body(mvc.perform(page("/reconcile/13/progress").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));
        String finished = body(mvc.perform(page("/reconcile/12").with(user("viewer").roles("VIEWER"))));

        assertThat(running).contains("hx-get=\"/reconcile/13/progress\"", "hx-trigger=\"every 2s\"", "max=\"6\"", "value=\"2\"",
                "成员 120");
        assertThat(part).startsWith("<section id=\"progress\"").contains("READING_USERS").doesNotContain("<html");
        assertThat(finished).doesNotContain("hx-get");
        mvc.perform(page("/reconcile/12/progress").header("HX-Request", "true").with(user("viewer").roles("VIEWER")))
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(page("/reconcile/13/progress").header("HX-Request", "true").with(user("viewer").roles("VIEWER")))
                .andExpect(header().doesNotExist("HX-Refresh"));
    }

    @Test
    void anUnknownRunIsShownAsTheServiceSaysIt() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/wx/reconcile/runs/99")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40400,\"msg\":\"no reconciliation run 99\",\"data\":null}")));

        assertThat(body(mvc.perform(page("/reconcile/99").with(user("admin").roles("ADMIN"))).andExpect(status().isNotFound())))
                .contains("no reconciliation run 99");
    }
}

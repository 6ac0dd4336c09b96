package io.wecomsync.console.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OperLogPagesTests extends ConsolePageTest {

    private static final String ENTRIES = ok("""
            {"page":1,"size":50,"total":2,"items":[
             {"id":31,"time":"2026-12-06T09:00:00Z","corpId":"wwcorp","action":"RECONCILE_CONFIRM","targetType":"DIRECTORY",
              "targetId":"12","result":"DONE","changes":[],"sourceEventId":"op-1","traceId":null,"caller":"wx-service",
              "operator":"wang.fang","message":"4 deletions confirmed"},
             {"id":30,"time":"2026-12-06T08:59:00Z","corpId":"wwcorp","action":"USER_UPSERT","targetType":"USER",
              "targetId":"7","result":"UPDATED","changes":[{"field":"mobile","before":"138****1111","after":"139****2222"}],
              "sourceEventId":"e-9","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","caller":"wx-service","operator":null,
              "message":"=HYPERLINK(\\"http://x\\")"}]}""");

    @BeforeEach
    void servicesAnswer() {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/oper-logs")).willReturn(okJson(ENTRIES)));
    }

    @Test
    void theLogIsSearchedByOperatorAndShowsWhoAskedForEachEntry() throws Exception {
        String page = body(mvc.perform(page("/oper-logs").param("operator", "wang.fang").param("action", "RECONCILE_CONFIRM")
                .with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));

        assertThat(page).contains("操作人", "href=\"/oper-logs?operator=wang.fang\"", "4 deletions confirmed", "导出 CSV",
                "/oper-logs.csv?corpId=&amp;action=RECONCILE_CONFIRM");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/mdm/oper-logs"))
                .withQueryParam("operator", equalTo("wang.fang")).withQueryParam("action", equalTo("RECONCILE_CONFIRM")));
    }

    @Test
    void theCsvHoldsTheSameSearchMaskedAndSafeToOpenInASpreadsheet() throws Exception {
        byte[] csv = mvc.perform(page("/oper-logs.csv").param("operator", "wang.fang").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"oper-logs.csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFF\"id\",\"time\"");
        assertThat(text.split("\r\n")).hasSize(3);
        assertThat(text).contains("\"31\",\"2026-12-06T09:00:00Z\",\"wwcorp\",\"RECONCILE_CONFIRM\"", "\"wang.fang\"",
                "\"mobile: 138****1111 → 139****2222\"", "\"'=HYPERLINK(\"\"http://x\"\")\"");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/mdm/oper-logs"))
                .withQueryParam("operator", equalTo("wang.fang")).withQueryParam("size", equalTo("200")));
    }

    @Test
    void aRefusedFilterGetsTheServicesMessageInTheCsvAnswerToo() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/oper-logs")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40001,\"msg\":\"from must be before to\",\"data\":null}")));

        assertThat(body(mvc.perform(page("/oper-logs.csv").param("from", "2026-12-02T00:00:00Z").param("to", "2026-12-01T00:00:00Z")
                .with(user("admin").roles("ADMIN"))).andExpect(status().isBadRequest()))).isEqualTo("from must be before to");
        assertThat(body(mvc.perform(page("/oper-logs").param("from", "2026-12-02T00:00:00Z")
                .with(user("admin").roles("ADMIN"))).andExpect(status().isBadRequest()))).contains("from must be before to");
    }
}

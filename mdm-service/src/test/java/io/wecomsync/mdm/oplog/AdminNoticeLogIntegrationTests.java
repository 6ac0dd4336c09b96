package io.wecomsync.mdm.oplog;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminNoticeLogIntegrationTests extends MdmIntegrationTest {

    private final String corp = newCorpId();

    @Test
    void eachMessageToTheAdminsIsLoggedOnceEvenWhenReportedTwice() {
        Map<String, Object> report = report("notice-1a2b", "SENT", null);

        assertThat(http.post("/oper-logs/admin-notices", report).status()).isEqualTo(200);
        assertThat(http.post("/oper-logs/admin-notices", report).status()).isEqualTo(200);
        http.post("/oper-logs/admin-notices", report("notice-3c4d", "FAILED", "WeCom error 81013"));

        Answer log = http.get("/oper-logs?corpId={c}&action=ADMIN_NOTICE", corp);
        assertThat(log.data().path("total").asLong()).isEqualTo(2);
        assertThat(log.data().path("items").get(0).path("result").asText()).isEqualTo("FAILED");
        assertThat(log.data().path("items").get(0).path("message").asText())
                .isEqualTo("to users=itadmin tags=7 about DEAD_EVENTS:" + corp + "; WeCom error 81013");
        assertThat(log.data().path("items").get(1).path("sourceEventId").asText()).isEqualTo("notice-1a2b");
    }

    @Test
    void aReportThatIsNotOneIsRefused() {
        Answer noConditions = http.post("/oper-logs/admin-notices", Map.of("noticeId", "n1", "corpId", corp,
                "recipients", "users=a", "conditions", List.of(), "result", "SENT", "sentAt", "2026-12-01T00:00:00Z"));
        Answer badResult = http.post("/oper-logs/admin-notices", report("n2", "MAYBE", null));

        assertThat(noConditions.status()).isEqualTo(400);
        assertThat(noConditions.msg()).contains("conditions");
        assertThat(badResult.status()).isEqualTo(400);
        assertThat(badResult.msg()).contains("result");
        assertThat(http.get("/oper-logs?corpId={c}", corp).data().path("total").asLong()).isZero();
    }

    private Map<String, Object> report(String id, String result, String detail) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("noticeId", id, "corpId", corp,
                "recipients", "users=itadmin tags=7", "conditions", List.of("DEAD_EVENTS:" + corp), "result", result,
                "sentAt", "2026-12-01T00:00:00Z"));
        if (detail != null) {
            body.put("detail", detail);
        }
        return body;
    }
}

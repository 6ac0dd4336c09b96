package io.wecomsync.mdm.oplog;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileRunLogIntegrationTests extends MdmIntegrationTest {

    private final String corp = newCorpId();

    @Test
    void eachRunAndOutcomeIsLoggedOnceEvenWhenReportedTwice() {
        Map<String, Object> waiting = report(41, "AWAITING_CONFIRMATION");
        Map<String, Object> confirmed = report(41, "CONFIRMED");

        assertThat(http.post("/oper-logs/reconcile-runs", waiting).status()).isEqualTo(200);
        assertThat(http.post("/oper-logs/reconcile-runs", waiting).status()).as("a redelivered report").isEqualTo(200);
        assertThat(http.post("/oper-logs/reconcile-runs", confirmed).status()).isEqualTo(200);

        Answer log = http.get("/oper-logs?corpId={c}&action=RECONCILE_RUN", corp);
        assertThat(log.data().path("total").asInt()).isEqualTo(2);
        assertThat(log.data().path("items").get(0).path("result").asText()).isEqualTo("CONFIRMED");
        assertThat(log.data().path("items").get(1).path("targetType").asText()).isEqualTo("DIRECTORY");
        assertThat(log.data().path("items").get(1).path("targetId").asText()).isEqualTo("run-41");
        assertThat(log.data().path("items").get(1).path("message").asText())
                .isEqualTo("trigger=SCHEDULE created=3 updated=2 deleted=0 unchanged=100 failed=0 unreadable=1; 5 deletions wait");
    }

    @Test
    void anIncompleteReportIsRefusedWithTheFieldNamed() {
        Map<String, Object> report = report(42, "SUCCEEDED");
        report.remove("runId");
        report.put("created", -1);

        Answer answer = http.post("/oper-logs/reconcile-runs", report);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.msg()).contains("runId").contains("created");
        assertThat(http.get("/oper-logs?corpId={c}&action=RECONCILE_RUN", corp).data().path("total").asInt()).isZero();
    }

    private Map<String, Object> report(long runId, String status) {
        Map<String, Object> report = new HashMap<>();
        report.put("corpId", corp);
        report.put("runId", runId);
        report.put("trigger", "SCHEDULE");
        report.put("status", status);
        report.put("dryRun", false);
        report.put("startedAt", Instant.parse("2026-11-29T02:30:00Z").toString());
        report.put("finishedAt", Instant.parse("2026-11-29T02:31:00Z").toString());
        report.put("created", 3);
        report.put("updated", 2);
        report.put("deleted", 0);
        report.put("unchanged", 100);
        report.put("failed", 0);
        report.put("unreadable", 1);
        report.put("message", "5 deletions wait");
        return report;
    }
}

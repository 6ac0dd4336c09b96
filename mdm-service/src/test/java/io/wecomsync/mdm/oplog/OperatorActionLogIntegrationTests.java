package io.wecomsync.mdm.oplog;

import io.wecomsync.common.mdm.OperatorAction;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorActionLogIntegrationTests extends MdmIntegrationTest {

    private final String corp = newCorpId();

    @Test
    void anOperatorsActionIsLoggedOnceWithTheirIdAndCanBeFoundByIt() {
        Map<String, Object> replay = report("op-1", "EVENT_REPLAY", "42", "DEAD update_user of user:x:u1: put back in line");

        assertThat(http.post("/oper-logs/operator-actions", replay).status()).isEqualTo(200);
        assertThat(http.post("/oper-logs/operator-actions", replay).status()).as("a report delivered twice").isEqualTo(200);
        http.post("/oper-logs/operator-actions", report("op-2", "EVENT_SKIP", "43", "skipped: 离职人员，无需同步"));

        Answer byOperator = http.get("/oper-logs?corpId={c}&operator=wecom:lisi", corp);
        assertThat(byOperator.data().path("total").asLong()).isEqualTo(2);
        assertThat(byOperator.data().path("items").get(0).path("action").asText()).isEqualTo("EVENT_SKIP");
        assertThat(byOperator.data().path("items").get(0).path("targetType").asText()).isEqualTo("INBOX_EVENT");
        assertThat(byOperator.data().path("items").get(0).path("message").asText()).isEqualTo("skipped: 离职人员，无需同步");
        assertThat(byOperator.data().path("items").get(1).path("operator").asText()).isEqualTo("wecom:lisi");
        assertThat(byOperator.data().path("items").get(1).path("time").asText())
                .as("when the operator acted, though the report came later").isEqualTo("2026-12-06T09:00:00Z");
        assertThat(http.get("/oper-logs?corpId={c}&operator=someone-else", corp).data().path("total").asLong()).isZero();
        assertThat(http.get("/oper-logs?sourceEventId=op-1").data().path("items").get(0).path("targetId").asText())
                .isEqualTo("42");
    }

    @Test
    void aReportNamingNoOperatorOrAnUnknownActionIsRefused() {
        Map<String, Object> noOperator = report("op-3", "EVENT_REPLAY", "1", null);
        noOperator.remove("operator");

        Answer missing = http.post("/oper-logs/operator-actions", noOperator);
        Answer unknown = http.post("/oper-logs/operator-actions", report("op-4", "DROP_TABLE", "1", null));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.msg()).contains("operator");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(http.get("/oper-logs?corpId={c}", corp).data().path("total").asLong()).isZero();
        assertThat(http.get("/oper-logs?operator={o}", "x".repeat(65)).status()).isEqualTo(400);
    }

    @Test
    void everyOperatorActionHasItsPlaceInTheLog() {
        assertThat(Arrays.stream(OperatorAction.values()))
                .allSatisfy(action -> assertThat(OperAction.valueOf(action.name()).targetType()).isEqualTo(action.targetType()));
    }

    private Map<String, Object> report(String id, String action, String target, String detail) {
        Map<String, Object> body = new HashMap<>(Map.of("actionId", id, "corpId", corp, "operator", "wecom:lisi",
                "action", action, "targetId", target, "at", "2026-12-06T09:00:00Z"));
        if (detail != null) {
            body.put("detail", detail);
        }
        return body;
    }
}

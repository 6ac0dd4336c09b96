package io.wecomsync.mdm.oplog;

import io.wecomsync.mdm.MdmHttp;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

class OperLogIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-11-06T08:00:00Z");

    private final String corp = newCorpId();

    @Test
    void everyWriteLeavesAnEntryThatCanBeFilteredAndPaged() {
        for (int i = 0; i < 5; i++) {
            http.put("/users/by-wx/{corp}/u{i}", user(T1, "name", "用户" + i), corp, i);
        }
        http.put("/departments/{corp}/9", Map.of("name", "部门", "sourceEventTime", T1.toString()), corp);
        http.delete("/users/by-wx/{corp}/u0?sourceEventTime={t}", corp, T1.plusSeconds(1));

        Answer firstPage = http.get("/oper-logs?corpId={c}&action=USER_UPSERT&page=1&size=2", corp);
        Answer lastPage = http.get("/oper-logs?corpId={c}&action=user_upsert&page=3&size=2", corp);
        Answer departments = http.get("/oper-logs?corpId={c}&targetType=DEPARTMENT", corp);
        Answer everything = http.get("/oper-logs?corpId={c}", corp);

        assertThat(firstPage.data().path("total").asLong()).isEqualTo(5);
        assertThat(firstPage.data().path("items")).hasSize(2);
        assertThat(lastPage.data().path("items")).hasSize(1);
        assertThat(departments.data().path("items").get(0).path("targetId").asText()).isEqualTo("9");
        assertThat(everything.data().path("total").asLong()).isEqualTo(7);
        Answer newest = http.get("/oper-logs?corpId={c}&size=1", corp);
        assertThat(newest.data().path("items").get(0).path("action").asText()).isEqualTo("USER_DELETE");
        assertThat(newest.data().path("items").get(0).path("traceId").asText()).isEqualTo(MdmHttp.TRACE_ID);
        assertThat(http.get("/oper-logs?corpId={c}&traceId={t}", corp, MdmHttp.TRACE_ID).data().path("total").asLong()).isEqualTo(7);
        assertThat(http.get("/oper-logs?corpId={c}&traceId=0af7651916cd43dd8448eb211c80319c", corp).data().path("total").asLong()).isZero();
        assertThat(newest.data().path("items").get(0).path("changes").toString())
                .isEqualTo("[{\"field\":\"deleted\",\"before\":\"false\",\"after\":\"true\"}]");
    }

    @Test
    void timeRangesAndBadFiltersAreChecked() {
        http.put("/users/by-wx/{corp}/timed", user(T1, "name", "t"), corp);

        Answer future = http.get("/oper-logs?corpId={c}&from={f}", corp, Instant.now().plusSeconds(3600));
        Answer past = http.get("/oper-logs?corpId={c}&to={t}", corp, Instant.now().plusSeconds(3600));
        Answer badAction = http.get("/oper-logs?action=DROP_TABLE");
        Answer badSize = http.get("/oper-logs?size=1000");
        Answer badTime = http.get("/oper-logs?from=yesterday");
        Answer badTrace = http.get("/oper-logs?traceId={t}", "a trace; DROP TABLE");

        assertThat(future.data().path("total").asLong()).isZero();
        assertThat(past.data().path("total").asLong()).isEqualTo(1);
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.msg()).contains("action");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.msg()).contains("from");
        assertThat(badTrace.status()).isEqualTo(400);
        assertThat(badTrace.msg()).contains("traceId");
    }
}

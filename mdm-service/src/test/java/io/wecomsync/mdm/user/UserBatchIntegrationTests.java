package io.wecomsync.mdm.user;

import io.wecomsync.mdm.MdmHttp;
import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Many users' upserts in one call: each answered on its own, a refused one rolled back alone. */
class UserBatchIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String BATCH = "/users/by-wx/{corp}/batch";

    private final String corp = newCorpId();

    @Test
    void eachItemIsAnsweredAndARefusedOneLeavesTheOthersWritten() {
        http.put("/users/by-wx/{corp}/{wx}", user(T1, "name", "旧"), corp, "known");

        Answer answer = http.post(BATCH, Map.of("items", List.of(
                item("fresh", user(T1, "name", "新人")),
                item("known", user(T1.plusSeconds(5), "name", "改")),
                item("broken", user(T1, "mainDepartment", 9, "departments", List.of(Map.of("deptId", 1)))),
                item("stale", user(T1, "name", "x")))), corp);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.data();
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("CREATED");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("UPDATED");
        assertThat(results.get(2).path("outcome").isNull()).isTrue();
        assertThat(results.get(2).path("code").asInt()).isEqualTo(40001);
        assertThat(results.get(2).path("error").asText()).contains("mainDepartment");
        assertThat(results.get(2).path("retryable").asBoolean()).isFalse();
        assertThat(results.get(3).path("outcome").asText()).isEqualTo("CREATED");
        assertThat(http.get("/users?corpId={c}&wxUserId=known", corp).data().get(0).path("name").asText()).isEqualTo("改");
        assertThat(http.get("/users?corpId={c}&wxUserId=broken", corp).data()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_oper_log WHERE corp_id = ? AND action = 'USER_UPSERT'",
                Integer.class, corp)).as("one entry per written item, in the same transaction").isEqualTo(4);
    }

    @Test
    void aRepeatedBatchIsRecognizedAndWritesNothing() {
        Map<String, Object> body = Map.of("items", List.of(item("a1", user(T1, "name", "甲")), item("b1", user(T1, "name", "乙"))));
        http.post(BATCH, body, corp);

        Answer again = http.post(BATCH, body, corp);

        assertThat(again.data().get(0).path("outcome").asText()).isEqualTo("ALREADY_APPLIED");
        assertThat(again.data().get(1).path("outcome").asText()).isEqualTo("ALREADY_APPLIED");
        assertThat(again.data().get(0).path("userId").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_oper_log WHERE corp_id = ? AND action = 'USER_UPSERT'",
                Integer.class, corp)).as("the repeat is not logged").isEqualTo(2);
    }

    @Test
    void overlappingBatchesInParallelLeaveEveryUserAtItsNewestEventAndLogEachItemOnce() throws Exception {
        int users = 30;
        int batches = 12;
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                // every batch names every user, each in another order, with its own time
                items.add(item("p" + u, user(T1.plusSeconds(b), "name", "第" + b + "批", "sourceEventId", "e" + b + "-" + u,
                        "departments", List.of(Map.of("deptId", 1 + b % 3)))));
            }
            Collections.shuffle(items, new Random(b));
            calls.add(() -> http.post(BATCH, Map.of("items", items), corp));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().status()).isEqualTo(200);
                answer.get().data().forEach(result -> assertThat(result.path("outcome").asText())
                        .isIn("CREATED", "UPDATED", "STALE"));
            }
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForList("SELECT DISTINCT name FROM mdm_user WHERE corp_id = ?", String.class, corp))
                .containsExactly("第" + (batches - 1) + "批");
        assertThat(jdbc.queryForList("SELECT DISTINCT d.dept_id FROM mdm_user_department d JOIN mdm_user u"
                + " ON u.user_id = d.user_id WHERE u.corp_id = ?", Long.class, corp)).containsExactly(1L + (batches - 1) % 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ?", Integer.class, corp)).isEqualTo(users);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_oper_log WHERE corp_id = ? AND action = 'USER_UPSERT'",
                Integer.class, corp)).as("one entry per item, none for a batch run again").isEqualTo(users * batches);
    }

    @Test
    void eachItemIsLoggedUnderTheTraceOfItsOwnEvent() {
        String traceA = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceB = "0af7651916cd43dd8448eb211c80319c";
        Answer answer = http.post(BATCH, Map.of("items", List.of(
                Map.of("wxUserId", "ta", "user", user(T1, "name", "甲"), "traceId", traceA),
                Map.of("wxUserId", "tb", "user", user(T1, "name", "乙"), "traceId", traceB),
                item("tc", user(T1, "name", "丙")))), corp);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(http.get("/oper-logs?traceId={t}", traceA).data().path("items")).singleElement()
                .satisfies(entry -> assertThat(entry.path("targetId").asText())
                        .isEqualTo(http.get("/users?corpId={c}&wxUserId=ta", corp).data().get(0).path("userId").asText()));
        assertThat(http.get("/oper-logs?traceId={t}", traceB).data().path("total").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT trace_id FROM mdm_oper_log WHERE corp_id = ? AND action = 'USER_UPSERT'",
                String.class, corp)).as("an item without a trace of its own is logged under the request's")
                .containsExactlyInAnyOrder(traceA, traceB, MdmHttp.TRACE_ID);
    }

    @Test
    void badBatchesAreRefusedWhole() {
        Answer empty = http.post(BATCH, Map.of("items", List.of()), corp);
        Answer twice = http.post(BATCH, Map.of("items", List.of(item("dup", user(T1, "name", "a")),
                item("DUP", user(T1, "name", "b")))), corp);
        Answer badId = http.post(BATCH, Map.of("items", List.of(item("has space", user(T1, "name", "a")))), corp);
        Answer badTrace = http.post(BATCH, Map.of("items", List.of(Map.of("wxUserId", "t", "user", user(T1, "name", "a"),
                "traceId", "not-a-trace"))), corp);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.msg()).contains("twice");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badTrace.status()).isEqualTo(400);
        assertThat(badTrace.msg()).contains("traceId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ?", Integer.class, corp)).isZero();
    }

    private static Map<String, Object> item(String wxUserId, Map<String, Object> user) {
        return Map.of("wxUserId", wxUserId, "user", user);
    }
}

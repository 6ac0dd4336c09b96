package io.wecomsync.mdm.user;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

class UserUpsertIntegrationTests extends MdmIntegrationTest {

    private static final String UPSERT = "/users/by-wx/{corp}/{wx}";
    private static final Instant T1 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);

    private final String corp = newCorpId();

    @Test
    void upsertCreatesTheUserThenUpdatesIt() {
        Answer created = http.put(UPSERT, user(T1, "name", "张三", "position", "工程师", "gender", 1,
                "departments", List.of(Map.of("deptId", 2, "order", 10, "leader", true), Map.of("deptId", 3)),
                "mainDepartment", 2), corp, "zhangsan");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.data().path("outcome").asText()).isEqualTo("CREATED");
        String userId = created.data().path("data").path("userId").asText();
        assertThat(userId).isNotBlank();

        Answer updated = http.put(UPSERT, user(T2, "position", "架构师"), corp, "zhangsan");

        assertThat(updated.data().path("outcome").asText()).isEqualTo("UPDATED");
        Answer read = http.get("/users/{id}", userId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().path("position").asText()).isEqualTo("架构师");
        assertThat(read.data().path("name").asText()).isEqualTo("张三");
        assertThat(read.data().path("mainDepartment").asLong()).isEqualTo(2);
        assertThat(read.data().path("departments").toString())
                .isEqualTo("[{\"deptId\":2,\"order\":10,\"leader\":true},{\"deptId\":3,\"order\":null,\"leader\":false}]");
        assertThat(read.data().path("lastEventTime").asText()).isEqualTo(T2.toString());
    }

    @Test
    void fieldsAbsentFromAnUpdateStayAsTheyWere() {
        http.put(UPSERT, user(T1, "name", "李四", "gender", 2, "position", "销售", "alias", "小李"), corp, "lisi");

        http.put(UPSERT, user(T2, "alias", ""), corp, "lisi");

        Answer read = http.get("/users?corpId={corp}&wxUserId={wx}", corp, "lisi");
        assertThat(read.data()).hasSize(1);
        assertThat(read.data().get(0).path("name").asText()).isEqualTo("李四");
        assertThat(read.data().get(0).path("gender").asInt()).isEqualTo(2);
        assertThat(read.data().get(0).path("position").asText()).isEqualTo("销售");
        assertThat(read.data().get(0).path("alias").isNull()).as("an empty string clears").isTrue();
    }

    @Test
    void aWriteOlderThanTheStoredDataIsNotApplied() {
        http.put(UPSERT, user(T2, "name", "新名字"), corp, "wangwu");

        Answer stale = http.put(UPSERT, user(T1, "name", "旧名字"), corp, "wangwu");

        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.data().path("applied").asBoolean()).isFalse();
        assertThat(stale.data().path("outcome").asText()).isEqualTo("STALE");
        assertThat(stale.data().path("data").path("name").asText()).isEqualTo("新名字");
        assertThat(jdbc.queryForObject("SELECT name FROM mdm_user WHERE corp_id = ? AND wx_user_id = ?",
                String.class, corp, "wangwu")).isEqualTo("新名字");
    }

    @Test
    void anOlderEventStillSetsFieldsThatNoNewerEventTouched() {
        http.put(UPSERT, user(T2, "position", "新职位"), corp, "partial");

        Answer older = http.put(UPSERT, user(T1, "name", "名字", "position", "旧职位"), corp, "partial");

        assertThat(older.data().path("outcome").asText()).isEqualTo("UPDATED");
        assertThat(older.data().path("data").path("name").asText()).isEqualTo("名字");
        assertThat(older.data().path("data").path("position").asText()).as("the newer value stays").isEqualTo("新职位");
        assertThat(older.data().path("data").path("lastEventTime").asText()).isEqualTo(T2.toString());
    }

    @Test
    void repeatingTheSameWriteChangesNothing() {
        Map<String, Object> body = user(T1, "name", "赵六", "departments", List.of(Map.of("deptId", 5)));
        http.put(UPSERT, body, corp, "zhaoliu");
        Map<String, Object> before = jdbc.queryForMap(
                "SELECT version, updated_at FROM mdm_user WHERE corp_id = ? AND wx_user_id = 'zhaoliu'", corp);

        Answer again = http.put(UPSERT, body, corp, "zhaoliu");
        Map<String, Object> sameDataOtherEvent = new java.util.LinkedHashMap<>(body);
        sameDataOtherEvent.put("sourceEventId", "another-event");
        Answer unchanged = http.put(UPSERT, sameDataOtherEvent, corp, "zhaoliu");
        assertThat(jdbc.queryForMap("SELECT version, updated_at FROM mdm_user WHERE corp_id = ? AND wx_user_id = 'zhaoliu'",
                corp)).as("neither wrote the row").isEqualTo(before);
        // the same id for another event later (a wx-service whose database was reset numbers from 1 again)
        Map<String, Object> reusedId = new java.util.LinkedHashMap<>(user(T2, "position", "新岗位"));
        reusedId.put("sourceEventId", body.get("sourceEventId"));
        Answer reused = http.put(UPSERT, reusedId, corp, "zhaoliu");

        assertThat(again.data().path("outcome").asText()).as("the same event, e.g. a retry after a time-out")
                .isEqualTo("ALREADY_APPLIED");
        assertThat(again.data().path("applied").asBoolean()).isTrue();
        assertThat(unchanged.data().path("outcome").asText()).as("a new event that changes nothing").isEqualTo("UNCHANGED");
        assertThat(reused.data().path("outcome").asText()).as("a reused id with another time is another event").isEqualTo("UPDATED");
        List<String> results = jdbc.queryForList(
                "SELECT result FROM mdm_oper_log WHERE corp_id = ? AND action = 'USER_UPSERT' ORDER BY id", String.class, corp);
        assertThat(results).as("a repeated event is not logged again").containsExactly("CREATED", "UNCHANGED", "UPDATED");
    }

    @Test
    void concurrentUpsertsOfOneNewUserLeaveOneRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Answer>> writes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Instant time = T1.plusSeconds(i % 4);
                String position = "岗位" + i;
                writes.add(() -> http.put(UPSERT, user(time, "position", position, "departments",
                        List.of(Map.of("deptId", 1 + (position.length() % 3)))), corp, "racer"));
            }
            for (Future<Answer> answer : pool.invokeAll(writes)) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ? AND wx_user_id = 'racer'",
                Integer.class, corp)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user_department d JOIN mdm_user u ON u.user_id = d.user_id"
                + " WHERE u.corp_id = ? AND u.wx_user_id = 'racer'", Integer.class, corp)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_event_time FROM mdm_user WHERE corp_id = ? AND wx_user_id = 'racer'",
                Timestamp.class, corp).toInstant()).isEqualTo(T1.plusSeconds(3));
    }

    @Test
    void givenDepartmentsReplaceTheMembership() {
        http.put(UPSERT, user(T1, "departments", List.of(Map.of("deptId", 1), Map.of("deptId", 2))), corp, "mover");

        Answer moved = http.put(UPSERT, user(T2, "departments", List.of(Map.of("deptId", 3, "leader", true))), corp, "mover");

        assertThat(moved.data().path("data").path("departments").toString())
                .isEqualTo("[{\"deptId\":3,\"order\":null,\"leader\":true}]");
        assertThat(jdbc.queryForList("SELECT d.dept_id FROM mdm_user_department d JOIN mdm_user u ON u.user_id = d.user_id"
                + " WHERE u.corp_id = ?", Long.class, corp)).containsExactly(3L);
    }

    @Test
    void aDepartmentListWithoutOrderOrLeaderKeepsWhatIsStoredForThem() {
        http.put(UPSERT, user(T1, "departments", List.of(Map.of("deptId", 1, "order", 5, "leader", true),
                Map.of("deptId", 2, "order", 7))), corp, "keeper");

        // a callback's Department list: no order, and here no IsLeaderInDept either
        Answer same = http.put(UPSERT, user(T2, "departments", List.of(Map.of("deptId", 1), Map.of("deptId", 2))), corp, "keeper");
        Answer moved = http.put(UPSERT, user(T2.plusSeconds(1), "departments",
                List.of(Map.of("deptId", 1), Map.of("deptId", 3))), corp, "keeper");

        assertThat(same.data().path("outcome").asText()).as("nothing changed").isEqualTo("UNCHANGED");
        assertThat(moved.data().path("data").path("departments").toString())
                .isEqualTo("[{\"deptId\":1,\"order\":5,\"leader\":true},{\"deptId\":3,\"order\":null,\"leader\":false}]");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Answer badGender = http.put(UPSERT, user(T1, "name", "x", "gender", 7), corp, "bad");
        Answer badMobile = http.put(UPSERT, user(T1, "mobile", "call me"), corp, "bad");
        Answer noTime = http.put(UPSERT, Map.of("name", "x"), corp, "bad");
        Answer badId = http.put(UPSERT, user(T1, "name", "x"), corp, "has space");
        Answer mainNotMember = http.put(UPSERT, user(T1, "mainDepartment", 9, "departments", List.of(Map.of("deptId", 1))),
                corp, "bad");
        Answer notJson = http.put(UPSERT, "{\"name\": ", corp, "bad");
        Answer badTime = http.put(UPSERT, Map.of("sourceEventTime", "yesterday"), corp, "bad");
        Answer notAList = http.put(UPSERT, user(T1, "departments", "1,2"), corp, "bad");

        assertThat(List.of(badGender, badMobile, noTime, badId, mainNotMember, notJson, badTime, notAList))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(400));
        assertThat(badGender.msg()).contains("gender");
        assertThat(badGender.code()).isEqualTo(40001);
        assertThat(badMobile.msg()).contains("mobile").doesNotContain("call me");
        assertThat(noTime.msg()).contains("sourceEventTime");
        assertThat(badId.msg()).contains("wxUserId");
        assertThat(mainNotMember.msg()).contains("mainDepartment 9");
        assertThat(notJson.code()).isEqualTo(40002);
        assertThat(badTime.msg()).startsWith("sourceEventTime: must be a time in ISO-8601 form").endsWith("got 'yesterday'");
        assertThat(notAList.msg()).as("the JSON kind, no Java type").isEqualTo("departments: must be a list");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ?", Integer.class, corp)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_oper_log WHERE corp_id = ?", Integer.class, corp)).isZero();
    }

    @Test
    void unknownUserIdIs404() {
        Answer missing = http.get("/users/{id}", "123456789");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo(40401);
    }

}

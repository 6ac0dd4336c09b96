package io.wecomsync.mdm.user;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

class UserRenameAndDeleteIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(10);
    private static final Instant T3 = T1.plusSeconds(20);

    private final String corp = newCorpId();

    @Test
    void renameKeepsTheUserIdAndRecordsTheHistory() {
        String userId = create("old-id", T1);
        http.put("/tags/{corp}/7/members", Map.of("addUsers", List.of("old-id")), corp);

        Answer renamed = http.post("/users/by-wx/{corp}/{wx}/rename", rename("new-id", T2), corp, "old-id");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.data().path("outcome").asText()).isEqualTo("RENAMED");
        assertThat(renamed.data().path("data").path("userId").asText()).isEqualTo(userId);
        assertThat(http.get("/users?corpId={c}&wxUserId=new-id", corp).data().get(0).path("userId").asText()).isEqualTo(userId);
        assertThat(http.get("/users?corpId={c}&wxUserId=old-id", corp).data()).isEmpty();
        assertThat(jdbc.queryForMap("SELECT old_wx_user_id, new_wx_user_id FROM mdm_user_rename WHERE user_id = ?", userId))
                .containsEntry("old_wx_user_id", "old-id").containsEntry("new_wx_user_id", "new-id");
        assertThat(http.get("/tags/{corp}/7/members", corp).data().path("users").toString()).isEqualTo("[\"new-id\"]");
        assertThat(jdbc.queryForList("SELECT result FROM mdm_oper_log WHERE target_id = ? ORDER BY id", String.class, userId))
                .containsExactly("CREATED", "RENAMED");
    }

    @Test
    void aRedeliveredRenameIsAnsweredAsAlreadyDone() {
        String userId = create("before", T1);
        http.post("/users/by-wx/{corp}/{wx}/rename", rename("after", T2), corp, "before");

        Answer again = http.post("/users/by-wx/{corp}/{wx}/rename", rename("after", T2), corp, "before");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.data().path("data").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void renamingOntoAnotherUsersIdIsAConflict() {
        create("alice", T1);
        create("bob", T1);

        Answer clash = http.post("/users/by-wx/{corp}/{wx}/rename", rename("bob", T2), corp, "alice");

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.msg()).contains("'bob'");
        assertThat(http.get("/users?corpId={c}&wxUserId=alice", corp).data()).hasSize(1);
    }

    @Test
    void aCaseOnlyRenameKeepsOnePerson() {
        String userId = create("Zhang", T1);

        Answer renamed = http.post("/users/by-wx/{corp}/{wx}/rename", rename("zhang", T2), corp, "Zhang");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.data().path("outcome").asText()).isEqualTo("RENAMED");
        assertThat(renamed.data().path("data").path("userId").asText()).isEqualTo(userId);
        assertThat(renamed.data().path("data").path("wxUserId").asText()).isEqualTo("zhang");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ?", Integer.class, corp)).isEqualTo(1);
    }

    @Test
    void renamingOntoADeletedUsersIdRetiresTheDeletedRecord() {
        String leaver = create("bob", T1);
        http.delete("/users/by-wx/{corp}/bob?sourceEventTime={t}&sourceEventId=d1", corp, T1);
        String alice = create("alice", T1);

        Answer renamed = http.post("/users/by-wx/{corp}/{wx}/rename", rename("bob", T2), corp, "alice");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.data().path("outcome").asText()).isEqualTo("RENAMED");
        Answer found = http.get("/users?corpId={c}&wxUserId=bob", corp);
        assertThat(found.data()).hasSize(1);
        assertThat(found.data().get(0).path("userId").asText()).isEqualTo(alice);
        Answer retired = http.get("/users/{id}", leaver);
        assertThat(retired.data().path("deleted").asBoolean()).isTrue();
        assertThat(retired.data().path("wxUserId").asText()).isEqualTo("~retired~" + leaver);
        assertThat(jdbc.queryForList("SELECT result FROM mdm_oper_log WHERE target_id = ? AND action = 'USER_RENAME'",
                String.class, leaver)).containsExactly("RETIRED");
    }

    @Test
    void deleteIsSoftAndRepeatable() {
        String userId = create("leaver", T1);

        Answer deleted = http.delete("/users/by-wx/{corp}/leaver?sourceEventTime={t}&sourceEventId=e1", corp, T2);
        Answer again = http.delete("/users/by-wx/{corp}/leaver?sourceEventTime={t}&sourceEventId=e1", corp, T2);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("outcome").asText()).isEqualTo("DELETED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(jdbc.queryForObject("SELECT deleted FROM mdm_user WHERE user_id = ?", Boolean.class, userId)).isTrue();
        assertThat(http.get("/users?corpId={c}&wxUserId=leaver", corp).data()).isEmpty();
        assertThat(http.get("/users?corpId={c}&wxUserId=leaver&includeDeleted=true", corp).data().get(0)
                .path("deleted").asBoolean()).isTrue();
        assertThat(http.get("/users/{id}", userId).data().path("deleted").asBoolean()).isTrue();
    }

    @Test
    void anOlderUpdateDoesNotReviveADeletedUserButANewerOneDoes() {
        create("returner", T1);
        http.delete("/users/by-wx/{corp}/returner?sourceEventTime={t}", corp, T2);

        Map<String, Object> late = new java.util.LinkedHashMap<>(user(T1, "name", "late"));
        late.put("sourceEventId", "late-update");
        Answer older = http.put("/users/by-wx/{corp}/returner", late, corp);
        Answer newer = http.put("/users/by-wx/{corp}/returner", user(T3, "name", "back"), corp);

        assertThat(older.data().path("outcome").asText()).isEqualTo("STALE");
        assertThat(newer.data().path("outcome").asText()).isEqualTo("UPDATED");
        assertThat(newer.data().path("data").path("deleted").asBoolean()).isFalse();
    }

    @Test
    void aDeleteThatOvertakesTheCreateKeepsTheLateCreateFromReviving() {
        Answer deleted = http.delete("/users/by-wx/{corp}/overtaken?sourceEventTime={t}", corp, T2);
        Answer lateCreate = http.put("/users/by-wx/{corp}/overtaken", user(T1, "name", "迟到"), corp);
        Answer noTime = http.delete("/users/by-wx/{corp}/overtaken", corp);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("outcome").asText()).isEqualTo("DELETED");
        assertThat(lateCreate.data().path("outcome").asText()).isEqualTo("STALE");
        assertThat(http.get("/users?corpId={c}&wxUserId=overtaken", corp).data()).isEmpty();
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.msg()).contains("sourceEventTime");
    }

    private String create(String wxUserId, Instant time) {
        return http.put("/users/by-wx/{corp}/{wx}", user(time, "name", wxUserId), corp, wxUserId)
                .data().path("data").path("userId").asText();
    }

    private static Map<String, Object> rename(String newWxUserId, Instant time) {
        return Map.of("newWxUserId", newWxUserId, "sourceEventTime", time.toString(), "sourceEventId", "r-" + time);
    }
}

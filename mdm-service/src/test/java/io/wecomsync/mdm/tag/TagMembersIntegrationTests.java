package io.wecomsync.mdm.tag;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TagMembersIntegrationTests extends MdmIntegrationTest {

    private final String corp = newCorpId();

    @Test
    void deltasAddAndRemoveMembers() {
        Answer created = http.put("/tags/{corp}/1/members", Map.of("tagName", "骨干", "addUsers", List.of("a", "b", "c"),
                "addDepartments", List.of(10, 20)), corp);
        Answer changed = http.put("/tags/{corp}/1/members", Map.of("addUsers", List.of("d"), "removeUsers", List.of("a"),
                "removeDepartments", List.of(10), "sourceEventId", "tag-evt"), corp);

        assertThat(created.data().path("outcome").asText()).isEqualTo("CREATED");
        assertThat(changed.data().path("outcome").asText()).isEqualTo("UPDATED");
        Answer read = http.get("/tags/{corp}/1/members", corp);
        assertThat(read.data().path("tagName").asText()).isEqualTo("骨干");
        assertThat(read.data().path("users").toString()).isEqualTo("[\"b\",\"c\",\"d\"]");
        assertThat(read.data().path("departments").toString()).isEqualTo("[20]");
        assertThat(jdbc.queryForObject("SELECT changes FROM mdm_oper_log WHERE corp_id = ? AND source_event_id = 'tag-evt'",
                String.class, corp)).contains("users.added").contains("users.removed").contains("departments.removed");
    }

    @Test
    void aFullListReplacesTheMembersAndRepeatingItChangesNothing() {
        http.put("/tags/{corp}/2/members", Map.of("addUsers", List.of("x", "y")), corp);

        Answer replaced = http.put("/tags/{corp}/2/members", Map.of("users", List.of("y", "z")), corp);
        Answer repeated = http.put("/tags/{corp}/2/members", Map.of("users", List.of("z", "y")), corp);

        assertThat(replaced.data().path("data").path("users").toString()).isEqualTo("[\"y\",\"z\"]");
        assertThat(repeated.data().path("outcome").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void anOlderMemberListArrivingLateDoesNotOverwriteANewerOne() {
        String t1 = "2026-12-01T08:00:00Z";
        String t2 = "2026-12-01T08:00:05Z";
        String t3 = "2026-12-01T08:00:09Z";
        http.put("/tags/{corp}/3/members", Map.of("users", List.of("new1", "new2"), "sourceEventTime", t2), corp);

        Answer older = http.put("/tags/{corp}/3/members", Map.of("users", List.of("old1"), "sourceEventTime", t1), corp);
        Answer delta = http.put("/tags/{corp}/3/members", Map.of("addUsers", List.of("later"), "sourceEventTime", t3), corp);

        assertThat(older.data().path("outcome").asText()).isEqualTo("STALE");
        assertThat(older.data().path("applied").asBoolean()).isFalse();
        assertThat(delta.data().path("outcome").asText()).isEqualTo("UPDATED");
        assertThat(http.get("/tags/{corp}/3/members", corp).data().path("users").toString())
                .isEqualTo("[\"later\",\"new1\",\"new2\"]");
    }

    @Test
    void tagsAreListedAndATagWeComNoLongerHasIsRemovedWithItsMembersButNotOneChangedSince() {
        http.put("/tags/{corp}/7/members", Map.of("tagName", "旧标签", "users", List.of("a", "b"), "departments", List.of(5),
                "sourceEventTime", "2026-12-01T08:00:00Z"), corp);
        http.put("/tags/{corp}/8/members", Map.of("tagName", "新标签", "users", List.of("c"),
                "sourceEventTime", "2026-12-01T09:00:00Z"), corp);

        Answer listed = http.get("/tags?corpId={c}", corp);
        Answer removed = http.delete("/tags/{corp}/7?sourceEventTime=2026-12-01T08:30:00Z&sourceEventId=rec-1", corp);
        Answer changedSince = http.delete("/tags/{corp}/8?sourceEventTime=2026-12-01T08:30:00Z", corp);
        Answer again = http.delete("/tags/{corp}/7?sourceEventTime=2026-12-01T08:30:00Z", corp);

        assertThat(listed.data().toString()).isEqualTo("[{\"tagId\":7,\"tagName\":\"旧标签\"},{\"tagId\":8,\"tagName\":\"新标签\"}]");
        assertThat(removed.data().path("outcome").asText()).isEqualTo("DELETED");
        assertThat(changedSince.data().path("outcome").asText()).isEqualTo("STALE");
        assertThat(again.status()).isEqualTo(404);
        assertThat(http.get("/tags/{corp}/7/members", corp).status()).isEqualTo(404);
        assertThat(http.get("/tags?corpId={c}", corp).data()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_tag_user WHERE corp_id = ? AND tag_id = 7", Integer.class, corp)).isZero();
        assertThat(jdbc.queryForObject("SELECT changes FROM mdm_oper_log WHERE corp_id = ? AND source_event_id = 'rec-1'",
                String.class, corp)).contains("旧标签").contains("users.removed").contains("departments.removed");
    }

    @Test
    void contradictoryOrEmptyRequestsAreRefused() {
        Answer both = http.put("/tags/{corp}/3/members", Map.of("users", List.of("a"), "addUsers", List.of("b")), corp);
        Answer overlap = http.put("/tags/{corp}/3/members", Map.of("addUsers", List.of("a"), "removeUsers", List.of("a")), corp);
        Answer nothing = http.put("/tags/{corp}/3/members", Map.of(), corp);
        Answer badUser = http.put("/tags/{corp}/3/members", Map.of("addUsers", List.of("no spaces allowed")), corp);

        assertThat(List.of(both, overlap, nothing, badUser)).allSatisfy(a -> assertThat(a.status()).isEqualTo(400));
        assertThat(badUser.msg()).contains("addUsers[0]");
        assertThat(http.get("/tags/{corp}/3/members", corp).status()).isEqualTo(404);
    }
}

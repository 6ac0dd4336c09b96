package io.wecomsync.mdm.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.mdm.DirectoryFingerprints;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The compact listing a reconciliation compares with WeCom. */
class DirectoryDigestIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-11-07T08:00:00Z");

    private final String corp = newCorpId();

    @Test
    void usersArePagedInOrderWithFingerprintsAnyoneCanRecompute() {
        for (String id : List.of("c", "a", "e", "b", "d")) {
            http.put("/users/by-wx/{corp}/{wx}", user(T1, "name", "名" + id, "position", "岗" + id, "mainDepartment", 2,
                    "departments", List.of(Map.of("deptId", 2, "order", 5, "leader", true)),
                    "extAttrs", List.of(Map.of("name", "工号", "type", "TEXT", "text", "A-" + id),
                            Map.of("name", "主页", "type", "WEB", "webTitle", "主页", "webUrl", "https://e.example/" + id)),
                    "employeeNumber", "A-" + id, "mappedFields", Map.of("costCentre", "CC-" + id)), corp, id);
        }
        http.delete("/users/by-wx/{corp}/e?sourceEventTime={t}", corp, T1.plusSeconds(1));

        List<JsonNode> all = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Answer page = after == null ? http.get("/users/digest?corpId={c}&limit=2", corp)
                    : http.get("/users/digest?corpId={c}&limit=2&after={a}", corp, after);
            assertThat(page.status()).isEqualTo(200);
            page.data().path("items").forEach(all::add);
            after = page.data().path("next").isNull() ? null : page.data().path("next").asText();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(item -> item.path("wxUserId").asText()).containsExactly("a", "b", "c", "d", "e");
        assertThat(all.get(4).path("deleted").asBoolean()).isTrue();
        String expected = DirectoryFingerprints.user("名a", "岗a", null, null,
                List.of(new DepartmentMembership(2L, 5L, true)), 2L, List.of(),
                List.of(CustomAttribute.web("主页", "主页", "https://e.example/a"), CustomAttribute.text("工号", "A-a"),
                        CustomAttribute.text("空", "")),
                "A-a", Map.of("costCentre", "CC-a"));
        assertThat(all.get(0).path("fingerprint").asText()).as("as wx-service would compute it from WeCom's answer")
                .isEqualTo(expected);
    }

    @Test
    void aChangeChangesTheFingerprintAndDepartmentsAreListedToo() {
        http.put("/users/by-wx/{corp}/x", user(T1, "name", "甲", "position", "一"), corp);
        String before = http.get("/users/digest?corpId={c}", corp).data().path("items").get(0).path("fingerprint").asText();
        http.put("/users/by-wx/{corp}/x", user(T1.plusSeconds(1), "position", "二"), corp);
        String after = http.get("/users/digest?corpId={c}", corp).data().path("items").get(0).path("fingerprint").asText();
        http.put("/departments/{corp}/7", Map.of("name", "七部", "parentId", 1, "order", 3, "sourceEventTime", T1.toString()), corp);

        Answer departments = http.get("/departments/digest?corpId={c}", corp);

        assertThat(after).isNotEqualTo(before);
        assertThat(departments.data().path("items").get(0).path("fingerprint").asText())
                .isEqualTo(DirectoryFingerprints.department("七部", 1L, 3L));
        assertThat(http.get("/users/digest?corpId={c}&limit=0", corp).status()).isEqualTo(400);
    }
}

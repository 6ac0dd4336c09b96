package io.wecomsync.mdm.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

class DirectoryIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-12-06T08:00:00Z");
    private final String corp = newCorpId();

    @Test
    void theTreeCountsMembersAndADepartmentListsThemWithoutContactDetails() {
        http.put("/departments/{corp}/1", Map.of("name", "总部", "order", 1, "sourceEventTime", T1.toString()), corp);
        http.put("/departments/{corp}/2", Map.of("name", "研发部", "parentId", 1, "order", 2, "sourceEventTime", T1.toString()), corp);
        http.put("/users/by-wx/{corp}/{wx}", user(T1, "name", "张三", "mobile", "13800001111", "position", "工程师",
                "departments", List.of(Map.of("deptId", 2, "order", 1, "leader", true))), corp, "zhangsan");
        http.put("/users/by-wx/{corp}/{wx}", user(T1, "name", "李四", "departments", List.of(Map.of("deptId", 2, "order", 2))), corp, "lisi");
        http.delete("/users/by-wx/{corp}/{wx}?sourceEventTime=" + T1.plusSeconds(1), corp, "lisi");
        http.put("/tags/{corp}/7/members", Map.of("tagName", "骨干", "addUsers", List.of("zhangsan")), corp);

        JsonNode tree = http.get("/directory/{corp}/departments", corp).data();
        Answer members = http.get("/directory/{corp}/departments/2/members", corp);

        assertThat(tree).extracting(d -> d.path("name").asText() + ":" + d.path("members").asLong())
                .containsExactly("总部:0", "研发部:1");
        assertThat(tree.get(1).path("parentId").asLong()).isEqualTo(1);
        assertThat(members.data().path("total").asLong()).as("deleted users are left out").isEqualTo(1);
        JsonNode zhang = members.data().path("items").get(0);
        assertThat(zhang.path("wxUserId").asText()).isEqualTo("zhangsan");
        assertThat(zhang.path("leader").asBoolean()).isTrue();
        assertThat(zhang.path("position").asText()).isEqualTo("工程师");
        assertThat(members.data().toString()).doesNotContain("13800001111");
        assertThat(http.get("/directory/{corp}/users/zhangsan/tags", corp).data())
                .extracting(t -> t.path("tagName").asText()).containsExactly("骨干");
    }

    @Test
    void badPathsAndPagesAreRefused() {
        assertThat(http.get("/directory/{corp}/departments/0/members", corp).status()).isEqualTo(400);
        assertThat(http.get("/directory/{corp}/departments/2/members?size=500", corp).status()).isEqualTo(400);
        assertThat(http.get("/directory/not a corp!/departments").status()).isEqualTo(400);
    }
}

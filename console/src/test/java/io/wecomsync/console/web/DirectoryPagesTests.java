package io.wecomsync.console.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DirectoryPagesTests extends ConsolePageTest {

    @BeforeEach
    void servicesAnswer() {
        GATEWAY.resetAll();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/directory/wwcorp/departments")).willReturn(okJson(ok("""
                [{"deptId":1,"name":"总部","parentId":0,"order":1,"members":0},
                 {"deptId":2,"name":"研发部","parentId":1,"order":2,"members":1},
                 {"deptId":3,"name":"平台组","parentId":2,"order":1,"members":4}]"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/departments/wwcorp/2")).willReturn(okJson(ok("""
                {"corpId":"wwcorp","deptId":2,"name":"研发部","parentId":1,"order":2,"deleted":false}"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/directory/wwcorp/departments/2/members")).willReturn(okJson(ok("""
                {"page":1,"size":50,"total":1,"items":[{"userId":"u7","wxUserId":"zhangsan","name":"张三丰","position":"工程师",
                 "status":"1","leader":true}]}"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/users")).withQueryParam("wxUserId", equalTo("zhangsan")).willReturn(okJson(ok("""
                [{"userId":"u7","corpId":"wwcorp","wxUserId":"zhangsan","name":"张三丰","position":"工程师","status":"1",
                  "mobile":"13800001111","email":"zhangsan@example.com","telephone":"0755-86013388",
                  "address":"广东省深圳市南山区科技园1号","departments":[{"deptId":2,"leader":true}],"deleted":false}]"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/directory/wwcorp/users/zhangsan/tags")).willReturn(okJson(ok("""
                [{"tagId":7,"tagName":"骨干"}]"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/oper-logs")).withQueryParam("targetId", equalTo("u7")).willReturn(okJson(ok("""
                {"page":1,"size":50,"total":2,"items":[
                 {"id":9,"time":"2026-12-06T09:00:00Z","action":"USER_RENAME","targetType":"USER","targetId":"u7","result":"RENAMED",
                  "changes":[{"field":"wxUserId","before":"zhangsan0","after":"zhangsan"}],"operator":null,"message":null},
                 {"id":8,"time":"2026-12-06T08:00:00Z","action":"CRM_PUSH","targetType":"USER","targetId":"u7","result":"DELIVERED",
                  "changes":[],"operator":null,"message":null}]}"""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/admin/outbox")).withQueryParam("userId", equalTo("u7")).willReturn(okJson(ok("""
                {"page":1,"size":20,"total":1,"items":[{"id":3,"target":"crm","userId":"u7","status":"DELIVERED","attempts":1,
                 "deliveredAt":"2026-12-06T08:00:01Z"}]}"""))));
    }

    @Test
    void theTreeNestsDepartmentsUnderTheirParents() throws Exception {
        String page = body(mvc.perform(page("/directory").param("corpId", "wwcorp").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()));

        String tree = page.substring(page.indexOf("id=\"tree\""));
        assertThat(tree.indexOf("总部")).isLessThan(tree.indexOf("研发部"));
        assertThat(tree.indexOf("研发部")).isLessThan(tree.indexOf("平台组"));
        assertThat(tree.substring(tree.indexOf("研发部"))).contains("<ul>").contains("/directory/wwcorp/departments/3");
        assertThat(page).contains("共 3 个部门", "4 人");
    }

    @Test
    void aDepartmentListsItsMembersWithNamesMasked() throws Exception {
        String page = body(mvc.perform(page("/directory/wwcorp/departments/2").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()));

        assertThat(page).contains("研发部 (2)", "/directory/wwcorp/users/zhangsan", "张**", "工程师", "✓").doesNotContain("三丰");
    }

    @Test
    void aUsersPageShowsMaskedDetailsMembershipsTagsRenamesAndDeliveries() throws Exception {
        String page = body(mvc.perform(page("/directory/wwcorp/users/zhangsan").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()));

        assertThat(page).contains("138****1111", "广东省***", "骨干", "zhangsan0 → zhangsan", "DELIVERED", "CRM_PUSH",
                "/directory/wwcorp/departments/2");
        assertThat(page).doesNotContain("13800001111", "zhangsan@example.com", "86013388", "南山区", "三丰");
    }

    @Test
    void anUnknownUserOrDepartmentSaysSo() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/users")).withQueryParam("wxUserId", equalTo("nobody")).willReturn(okJson(ok("[]"))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/mdm/departments/wwcorp/99")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40402,\"msg\":\"no department 99 in corp wwcorp\",\"data\":null}")));

        assertThat(body(mvc.perform(page("/directory/wwcorp/users/nobody").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isNotFound()))).contains("no user nobody in corp wwcorp");
        assertThat(body(mvc.perform(page("/directory/wwcorp/departments/99").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isNotFound()))).contains("no department 99 in corp wwcorp");
        assertThat(body(mvc.perform(page("/directory").param("corpId", "../admin").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isBadRequest()))).contains("corpId must be 1 to 64 letters");
    }
}

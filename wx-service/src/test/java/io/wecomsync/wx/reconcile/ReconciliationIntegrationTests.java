package io.wecomsync.wx.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.simulator.Directory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reconciliation run reads from WeCom and stores in mdm-service: an initial load, nothing written when
 * nothing changed, the differences when something did, a dry run, details WeCom refuses.
 */
class ReconciliationIntegrationTests extends ReconcileIntegrationTest {

    @Test
    void anInitialLoadFillsAnEmptyMdmServiceWithTheWholeDirectory() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("trigger").asText()).isEqualTo("MANUAL");
        JsonNode counts = run.path("counts");
        assertThat(counts.path("usersRead").asInt()).isEqualTo(10);
        assertThat(counts.path("departmentsRead").asInt()).isEqualTo(3);
        assertThat(counts.path("tagsRead").asInt()).isEqualTo(1);
        assertThat(counts.path("created").asInt()).as("10 users, 3 departments, 1 tag").isEqualTo(14);
        assertThat(counts.path("updated").asInt()).isZero();
        assertThat(counts.path("deleted").asInt()).isZero();

        JsonNode user = mdmUser("u03");
        assertThat(user.path("name").asText()).isEqualTo("员工3");
        assertThat(user.path("position").asText()).isEqualTo("工程师");
        assertThat(user.path("mainDepartment").asLong()).isEqualTo(3);
        assertThat(user.path("departments").get(0).path("deptId").asLong()).isEqualTo(3);
        assertThat(mdm("/departments/" + CORP_WITH_READER + "/2").path("data").path("name").asText()).isEqualTo("研发部");
        JsonNode tag = mdm("/tags/" + CORP_WITH_READER + "/7/members").path("data");
        assertThat(tag.path("users")).extracting(JsonNode::asText).containsExactlyInAnyOrder("u01", "u02");

        JsonNode log = mdm("/oper-logs?corpId=" + CORP_WITH_READER + "&action=RECONCILE_RUN").path("data");
        assertThat(log.path("total").asInt()).as("one operation-log entry for the run").isEqualTo(1);
        assertThat(log.path("items").get(0).path("result").asText()).isEqualTo("SUCCEEDED");
        assertThat(log.path("items").get(0).path("message").asText()).contains("created=14");
    }

    @Test
    void aSecondRunWithNothingChangedWritesNothing() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        int stored = changeEventsStored();

        JsonNode second = reconcile(false);

        assertThat(second.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(second.path("counts").path("created").asInt()).isZero();
        assertThat(second.path("counts").path("updated").asInt()).isZero();
        assertThat(second.path("counts").path("deleted").asInt()).isZero();
        assertThat(second.path("counts").path("unchanged").asInt()).isEqualTo(14);
        assertThat(changeEventsStored()).as("no event stored for an unchanged directory").isEqualTo(stored);
    }

    @Test
    void changesBetweenRunsAreApplied() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        DIRECTORY.put(new Directory.User("u04", "新名字", List.of(2L, 3L), 2L, "组长", null, null, null, 1));
        DIRECTORY.put(new Directory.User("u11", "新同事", List.of(3L), 3L, "销售", null, null, null, 1));
        DIRECTORY.put(new Directory.Department(3, "市场销售部", 1, 3));
        DIRECTORY.put(new Directory.Tag(7, "骨干", Set.of("u01", "u11"), Set.of(3L)));

        JsonNode run = reconcile(false);

        assertThat(run.path("counts").path("created").asInt()).isEqualTo(1);
        assertThat(run.path("counts").path("updated").asInt()).as("u04, department 3, tag 7").isEqualTo(3);
        assertThat(run.path("samples").path("update.users")).extracting(JsonNode::asText).containsExactly("u04");
        JsonNode moved = mdmUser("u04");
        assertThat(moved.path("name").asText()).isEqualTo("新名字");
        assertThat(moved.path("position").asText()).isEqualTo("组长");
        assertThat(moved.path("departments")).extracting(d -> d.path("deptId").asLong()).containsExactly(2L, 3L);
        assertThat(mdmUser("u11").path("name").asText()).isEqualTo("新同事");
        assertThat(mdm("/departments/" + CORP_WITH_READER + "/3").path("data").path("name").asText()).isEqualTo("市场销售部");
        assertThat(mdm("/tags/" + CORP_WITH_READER + "/7/members").path("data").path("users"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("u01", "u11");

        assertThat(reconcile(false).path("counts").path("unchanged").asInt()).as("and then all is in step").isEqualTo(15);
    }

    @Test
    void aDryRunReportsThePlanAndAppliesNothing() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);

        JsonNode run = runs.await(runs.start(true));

        assertThat(run.path("dryRun").asBoolean()).isTrue();
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("created").asInt()).isEqualTo(14);
        assertThat(run.path("samples").path("create.users")).hasSize(10);
        assertThat(run.path("samples").path("create.departments")).extracting(JsonNode::asText).containsExactly("1", "2", "3");
        assertThat(changeEventsStored()).isZero();
        drain();
        assertThat(mdm("/users/digest?corpId=" + CORP_WITH_READER).path("data").path("items")).isEmpty();
    }

    @Test
    void anIdOnlyDirectoryLeavesUnreadableFieldsUnknownAndCountsThem() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 4);
        WECOM_API.setApiError("user/list", 48009); // refused: users are read one by one
        WECOM_API.setApiError("user/get", 48009);
        WECOM_API.setApiError("department/get", 60011);

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).as("refusals are not failures").isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("unreadable").asInt()).as("4 users and 3 departments").isEqualTo(7);
        assertThat(run.path("counts").path("failed").asInt()).isZero();
        assertThat(run.path("wecomErrors").path("48009").asInt()).as("one user/list probe, then 4 × user/get").isEqualTo(5);
        assertThat(run.path("wecomErrors").path("60011").asInt()).isEqualTo(3);
        JsonNode user = mdmUser("u02");
        assertThat(user.path("name").isNull()).as("no invented name").isTrue();
        assertThat(user.path("mobile").isNull()).isTrue();
        assertThat(user.path("departments").get(0).path("deptId").asLong()).as("from user/list_id").isEqualTo(2);
        JsonNode department = mdm("/departments/" + CORP_WITH_READER + "/2").path("data");
        assertThat(department.path("name").isNull()).isTrue();
        assertThat(department.path("parentId").asLong()).as("from department/simplelist").isEqualTo(1);

        JsonNode again = reconcile(false);
        assertThat(again.path("counts").path("created").asInt() + again.path("counts").path("updated").asInt())
                .as("unknown details are not a difference").isZero();
    }

    @Test
    void aDirectoryLargerThanOneReadingWindowIsLoadedWholeWithEachUserOnce() throws Exception {
        int departments = WeComDirectoryReader.WINDOW + 40;
        DIRECTORY.put(new Directory.Department(1, "总部", 0, 1));
        for (long id = 2; id <= departments; id++) {
            DIRECTORY.put(new Directory.Department(id, "部门" + id, 1, id));
        }
        int users = 2 * departments;
        for (int i = 0; i < users; i++) {
            // two departments about half the list apart: mostly listed in different reading windows
            long first = 2 + i % (departments - 1);
            long second = 2 + (i + departments / 2) % (departments - 1);
            DIRECTORY.put(new Directory.User("w" + i, "员工" + i, List.of(first, second), first, null, null, null, null, 1));
        }

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("usersRead").asInt()).as("each user once, though listed by two departments")
                .isEqualTo(users);
        assertThat(run.path("counts").path("created").asInt()).isEqualTo(users + departments);
        assertThat(mdmUser("w" + (users - 1)).path("departments")).hasSize(2);
        assertThat(reconcile(false).path("counts").path("unchanged").asInt()).as("all of it in mdm-service")
                .isEqualTo(users + departments);
    }
}

package io.wecomsync.wx.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.simulator.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run may delete: what WeCom no longer lists, never after a failed read, and more than the deletion
 * guard allows only once an operator confirms.
 */
class ReconcileDeletionIntegrationTests extends ReconcileIntegrationTest {

    @Test
    void aTagWeComNoLongerHasIsRemovedAndARenamedOneIsRenamed() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        DIRECTORY.put(new Directory.Tag(8, "临时项目组", Set.of("u03"), Set.of(2L)));
        reconcile(false);
        DIRECTORY.removeTag(8);
        DIRECTORY.put(new Directory.Tag(7, "核心骨干", Set.of("u01", "u02"), Set.of()));

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("deleted").asInt()).isEqualTo(1);
        assertThat(run.path("samples").path("delete.tags")).extracting(JsonNode::asText).containsExactly("8");
        assertThat(mdm("/tags?corpId=" + CORP_WITH_READER).path("data")).extracting(tag -> tag.path("tagId").asLong())
                .containsExactly(7L);
        JsonNode renamed = mdm("/tags/" + CORP_WITH_READER + "/7/members").path("data");
        assertThat(renamed.path("tagName").asText()).isEqualTo("核心骨干");
        assertThat(renamed.path("departments")).as("the member lists exactly as WeCom has them").isEmpty();
        assertThat(reconcile(false).path("counts").path("deleted").asInt()).as("and then all is in step").isZero();
    }

    @Test
    void aUserRemovedInWeComIsSoftDeleted() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        DIRECTORY.removeUser("u05");

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("deleted").asInt()).isEqualTo(1);
        assertThat(run.path("samples").path("delete.users")).extracting(JsonNode::asText).containsExactly("u05");
        JsonNode gone = mdmUser("u05");
        assertThat(gone.path("deleted").asBoolean()).isTrue();
        assertThat(gone.path("name").asText()).as("soft delete: the record stays").isEqualTo("员工5");
    }

    @Test
    void aFailedReadMeansNoDeletionAtAll() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        DIRECTORY.removeUser("u05");
        DIRECTORY.put(new Directory.User("u12", "新人", List.of(2L), 2L, null, null, null, null, 1));
        WECOM_API.setApiError("department/get", 45009);

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(run.path("counts").path("failed").asInt()).as("each department read failed after its retries").isEqualTo(3);
        assertThat(run.path("wecomErrors").path("45009").asInt()).as("1 try + 3 retries per department").isEqualTo(12);
        assertThat(run.path("counts").path("deleted").asInt()).isZero();
        assertThat(run.path("message").asText()).contains("1 deletions left undone");
        assertThat(mdmUser("u05").path("deleted").asBoolean()).isFalse();
        assertThat(mdmUser("u12").path("name").asText()).as("what was read is still applied").isEqualTo("新人");
    }

    @Test
    void deletionsAboveTheGuardWaitForAnOperatorAndAreAppliedOnceConfirmed() throws Exception {
        JsonNode run = runAfterRemoving("u01", "u02", "u03", "u04");

        assertThat(run.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(run.path("counts").path("deletionsPending").asInt()).isEqualTo(4);
        assertThat(run.path("message").asText()).contains("4 of 10 users");
        assertThat(mdmUser("u01").path("deleted").asBoolean()).as("nothing deleted before confirmation").isFalse();
        JsonNode held = json.readTree(http.getForEntity("/admin/reconcile/runs/" + run.path("id").asLong() + "/deletions",
                String.class).getBody()).path("data");
        assertThat(held.path("users").path("total").asInt()).isEqualTo(4);
        assertThat(held.path("users").path("ids")).extracting(JsonNode::asText).containsExactly("u01", "u02", "u03", "u04");
        assertThat(held.path("departments").path("total").asInt()).isZero();

        ResponseEntity<String> confirmed = http.postForEntity("/admin/reconcile/runs/" + run.path("id").asLong() + "/confirm",
                null, String.class);
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(confirmed.getBody()).path("data").path("status").asText()).isEqualTo("CONFIRMED");
        drain();
        for (String userId : List.of("u01", "u02", "u03", "u04")) {
            assertThat(mdmUser(userId).path("deleted").asBoolean()).as(userId + " deleted").isTrue();
        }
        assertThat(mdmUser("u05").path("deleted").asBoolean()).isFalse();
        JsonNode confirmation = mdm("/oper-logs?operator=test-operator&action=RECONCILE_CONFIRM&targetId=" + run.path("id").asLong())
                .path("data").path("items").path(0);
        assertThat(confirmation.path("operator").asText()).as("the operation log names who confirmed").isEqualTo("test-operator");
        assertThat(confirmation.path("message").asText()).isEqualTo("4 deletions confirmed");
        assertThat(confirmation.path("caller").asText()).as("reported by wx-service").isNotEqualTo("test-operator");

        ResponseEntity<String> again = http.postForEntity("/admin/reconcile/runs/" + run.path("id").asLong() + "/confirm",
                null, String.class);
        assertThat(again.getStatusCode()).as("a run is confirmed once").isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("CONFIRMED");
    }

    @Test
    void twoOperatorsConfirmingAtOnceStoreTheDeletionsOnce() throws Exception {
        long runId = runAfterRemoving("u01", "u02", "u03", "u04").path("id").asLong();
        String deletionsOfTheRun = "SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'RECONCILE' AND change_type = 'delete_user'";
        int before = jdbc.queryForObject(deletionsOfTheRun, Integer.class);

        CountDownLatch go = new CountDownLatch(1);
        Callable<ResponseEntity<String>> confirm = () -> {
            go.await();
            return http.postForEntity("/admin/reconcile/runs/" + runId + "/confirm", null, String.class);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<HttpStatus> statuses = new ArrayList<>();
        try {
            List<Future<ResponseEntity<String>>> answers = List.of(two.submit(confirm), two.submit(confirm));
            go.countDown();
            for (Future<ResponseEntity<String>> answer : answers) {
                statuses.add(HttpStatus.valueOf(answer.get().getStatusCode().value()));
            }
        } finally {
            two.shutdown();
        }

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject(deletionsOfTheRun, Integer.class) - before).as("each held deletion stored once")
                .isEqualTo(4);
    }

    @Test
    void rejectedDeletionsAreDropped() throws Exception {
        JsonNode run = runAfterRemoving("u01", "u02", "u03", "u04", "u06");

        ResponseEntity<String> rejected = http.postForEntity("/admin/reconcile/runs/" + run.path("id").asLong() + "/reject",
                null, String.class);

        assertThat(json.readTree(rejected.getBody()).path("data").path("status").asText()).isEqualTo("REJECTED");
        drain();
        assertThat(mdmUser("u01").path("deleted").asBoolean()).isFalse();
        assertThat(mdm("/oper-logs?corpId=" + CORP_WITH_READER + "&action=RECONCILE_RUN").path("data").path("items"))
                .as("each step of the run in the operation log, newest first")
                .extracting(entry -> entry.path("result").asText())
                .containsExactly("REJECTED", "AWAITING_CONFIRMATION", "SUCCEEDED");
    }

    /** A run over ten users of which {@code removed} left WeCom after the first run loaded them all. */
    private JsonNode runAfterRemoving(String... removed) throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        for (String userId : removed) {
            DIRECTORY.removeUser(userId);
        }
        return reconcile(false);
    }
}

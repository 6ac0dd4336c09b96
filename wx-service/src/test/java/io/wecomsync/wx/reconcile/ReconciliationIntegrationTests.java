package io.wecomsync.wx.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;
import io.wecomsync.wx.MdmServiceProcess;
import io.wecomsync.wx.WxIntegrationTest;
import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation against the WeCom simulator's API and the real mdm-service (on a database of its own,
 * emptied before each test): what a run reads, what it stores, what it must not delete.
 */
class ReconciliationIntegrationTests extends WxIntegrationTest {

    private static final MdmServiceProcess MDM_SERVICE = new MdmServiceProcess(FreePorts.find(), "mdm_reconcile");
    private static final Directory DIRECTORY = new Directory();
    private static final WeComApiServer WECOM_API = ReconcileFixtures.simulator(DIRECTORY, CORP_WITH_READER);

    @Autowired
    ObjectMapper json;
    @Autowired
    WxApps apps;
    @Autowired
    InitialLoad initialLoad;

    @DynamicPropertySource
    static void realMdmAndSimulatedWeCom(DynamicPropertyRegistry registry) {
        registry.add("wx.mdm.url", MDM_SERVICE::url);
        registry.add("wx.cp.api-base-url", WECOM_API::baseUrl);
    }

    @BeforeAll
    static void startMdm() throws Exception {
        MDM_SERVICE.start();
    }

    @AfterAll
    static void stop() {
        MDM_SERVICE.stop();
        WECOM_API.close();
    }

    private ReconcileRunsApi runs;

    @BeforeEach
    void emptyDirectoryAndMdm() throws Exception {
        runs = new ReconcileRunsApi(http, json, jdbc, CORP_WITH_READER);
        DIRECTORY.clear();
        WECOM_API.setDetailsHidden(false);
        for (String api : List.of("user/get", "user/list", "department/get", "department/simplelist", "user/list_id",
                "tag/get", "tag/list")) {
            WECOM_API.setApiError(api, null);
        }
        jdbc.update("DELETE FROM wx_reconcile_deletion");
        jdbc.update("DELETE FROM wx_reconcile_run");
        ReconcileFixtures.emptyDatabase(MDM_SERVICE.database());
    }

    /** The simulator's tokens are not the WireMock WeCom's: other test classes must fetch their own again. */
    @AfterEach
    void forgetSimulatorTokens() {
        apps.all().stream().map(WxApp::api).forEach(api -> api.getWxCpConfigStorage().expireAccessToken());
    }

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
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        for (String userId : List.of("u01", "u02", "u03", "u04")) {
            DIRECTORY.removeUser(userId);
        }

        JsonNode run = reconcile(false);

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
    void rejectedDeletionsAreDropped() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        reconcile(false);
        for (String userId : List.of("u01", "u02", "u03", "u04", "u06")) {
            DIRECTORY.removeUser(userId);
        }
        JsonNode run = reconcile(false);

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
    void twoStartsAtOnceMakeOneRun() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        changeSettings(Map.of("wx.reconcile.rate-per-minute", 120)); // 2 reads a second: the run takes seconds
        CountDownLatch go = new CountDownLatch(1);
        Callable<ResponseEntity<String>> startRun = () -> {
            go.await();
            return http.postForEntity("/admin/reconcile/runs?corpId=" + CORP_WITH_READER, null, String.class);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseEntity<String>> first = two.submit(startRun);
            Future<ResponseEntity<String>> second = two.submit(startRun);
            go.countDown();
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : List.of(first, second)) {
                statuses.add(HttpStatus.valueOf(answer.get().getStatusCode().value()));
            }
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        } finally {
            two.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_reconcile_run", Integer.class)).isEqualTo(1);
        changeSettings(Map.of());
        runs.await(jdbc.queryForObject("SELECT id FROM wx_reconcile_run", Long.class));
    }

    @Test
    void aRunWhoseInstanceDiedIsGivenUpAndTheNextOneRuns() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 2);
        jdbc.update("""
                INSERT INTO wx_reconcile_run (corp_id, running_corp, trigger_type, dry_run, status, phase, instance,
                                              started_at, heartbeat_at)
                VALUES (?, ?, 'SCHEDULE', FALSE, 'RUNNING', 'READING_USERS', 'gone', ?, ?)
                """, CORP_WITH_READER, CORP_WITH_READER, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT status FROM wx_reconcile_run WHERE instance = 'gone'", String.class))
                .isEqualTo("ABANDONED");
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
    void theInitialLoadAtStartUpRunsOnlyForAnEmptyCorpNeverLoadedBefore() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 3);

        initialLoad.load(CORP_WITH_READER, 1);
        long first = runs.awaitAnyRun();
        JsonNode run = runs.await(first);
        assertThat(run.path("trigger").asText()).isEqualTo("INITIAL_LOAD");
        drain();

        initialLoad.load(CORP_WITH_READER, 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_reconcile_run", Integer.class))
                .as("loaded once; the schedule keeps it in step from then on").isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        ResponseEntity<String> unknown = http.postForEntity("/admin/reconcile/runs?corpId=wwnosuchcorp", null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("wwnosuchcorp is not configured");

        ResponseEntity<String> noReader = http.postForEntity("/admin/reconcile/runs?corpId=wwtestcorp0000002", null, String.class);
        assertThat(noReader.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(noReader.getBody()).contains("no readerAgentId");

        ResponseEntity<String> bad = http.postForEntity("/admin/reconcile/runs?corpId=bad%20corp", null, String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(http.getForEntity("/admin/reconcile/runs/999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.postForEntity("/admin/reconcile/runs/999999/confirm", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- helpers ---

    /** Starts a run, waits for its end, then applies what it stored; answers the run. */
    private JsonNode reconcile(boolean dryRun) throws Exception {
        JsonNode run = runs.await(runs.start(dryRun));
        drain();
        return run;
    }

    /** Directory change events (not follow-ups such as CRM pushes or run reports) in the inbox. */
    private int changeEventsStored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'RECONCILE'", Integer.class);
    }

    private JsonNode mdmUser(String wxUserId) throws Exception {
        JsonNode found = mdm("/users?corpId=" + CORP_WITH_READER + "&wxUserId=" + wxUserId + "&includeDeleted=true");
        assertThat(found.path("data")).as("user " + wxUserId + " in mdm-service").hasSize(1);
        return found.path("data").get(0);
    }

    private JsonNode mdm(String path) throws Exception {
        return json.readTree(RestClient.create(MDM_SERVICE.url()).get().uri(path)
                .header("Authorization", "Bearer " + token(Scopes.MDM_READ)).retrieve().body(String.class));
    }

}

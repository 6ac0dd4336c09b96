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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.List;

import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation against the WeCom simulator's API and the real mdm-service (on a database of its own,
 * emptied before each test). One mdm-service process, started by the first of these classes and stopped
 * when the tests' JVM ends, and one simulator serve them all (and so one application context).
 */
abstract class ReconcileIntegrationTest extends WxIntegrationTest {

    static final MdmServiceProcess MDM_SERVICE = new MdmServiceProcess(FreePorts.find(), "mdm_reconcile");
    static final Directory DIRECTORY = new Directory();
    static final WeComApiServer WECOM_API = ReconcileFixtures.simulator(DIRECTORY, CORP_WITH_READER);
    private static boolean started;

    @Autowired
    ObjectMapper json;
    @Autowired
    WxApps apps;

    ReconcileRunsApi runs;

    @DynamicPropertySource
    static void realMdmAndSimulatedWeCom(DynamicPropertyRegistry registry) {
        registry.add("wx.mdm.url", MDM_SERVICE::url);
        registry.add("wx.cp.api-base-url", WECOM_API::baseUrl);
    }

    @BeforeAll
    static synchronized void startMdmOnce() throws Exception {
        if (started) {
            return;
        }
        MDM_SERVICE.start();
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            MDM_SERVICE.stop();
            WECOM_API.close();
        }, "stop-reconcile-mdm-service"));
    }

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

    /** Starts a run, waits for its end, then applies what it stored; answers the run. */
    JsonNode reconcile(boolean dryRun) throws Exception {
        JsonNode run = runs.await(runs.start(dryRun));
        drain();
        return run;
    }

    /** Directory change events (not follow-ups such as CRM pushes or run reports) in the inbox. */
    int changeEventsStored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'RECONCILE'", Integer.class);
    }

    JsonNode mdmUser(String wxUserId) throws Exception {
        JsonNode found = mdm("/users?corpId=" + CORP_WITH_READER + "&wxUserId=" + wxUserId + "&includeDeleted=true");
        assertThat(found.path("data")).as("user " + wxUserId + " in mdm-service").hasSize(1);
        return found.path("data").get(0);
    }

    JsonNode mdm(String path) throws Exception {
        return json.readTree(RestClient.create(MDM_SERVICE.url()).get().uri(path)
                .header("Authorization", "Bearer " + token(Scopes.MDM_READ)).retrieve().body(String.class));
    }
}

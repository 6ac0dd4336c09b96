package io.wecomsync.wx.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.wx.MdmServiceProcess;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.contactChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Callbacks all the way into the real mdm-service, run as a process of its own. */
class RealMdmServiceIntegrationTests extends WxIntegrationTest {

    private static final WireMockServer CRM = crm();
    private static final MdmServiceProcess MDM_SERVICE = new MdmServiceProcess(FreePorts.find(), "mdm", CRM.baseUrl());
    private static final long T1 = Instant.parse("2026-11-23T08:00:00Z").getEpochSecond();

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void realMdm(DynamicPropertyRegistry registry) {
        registry.add("wx.mdm.url", MDM_SERVICE::url);
    }

    @BeforeAll
    static void startMdm() throws Exception {
        MDM_SERVICE.start();
    }

    @AfterAll
    static void stopMdm() {
        MDM_SERVICE.stop();
    }

    @Test
    void createUpdateAndDeleteArrivingOutOfOrderEndInTheNewestState() throws Exception {
        String user = unique("ooo");
        post(contactChange(CORP_WITH_READER, "delete_user", T1 + 20, "UserID", user));
        drain();
        post(contactChange(CORP_WITH_READER, "create_user", T1, "UserID", user, "Name", "迟到的创建", "Department", "1"));
        drain();
        post(contactChange(CORP_WITH_READER, "update_user", T1 + 10, "UserID", user, "Position", "旧职位"));
        drain();

        JsonNode stored = user(user);
        assertThat(stored.path("deleted").asBoolean()).isTrue();
        assertThat(stored.path("lastEventTime").asText()).isEqualTo(Instant.ofEpochSecond(T1 + 20).toString());
        assertThat(stored.path("name").isNull()).isTrue();
    }

    @Test
    void anOlderUpdateArrivingLastDoesNotOverwriteANewerOne() throws Exception {
        String user = unique("order");
        post(contactChange(CORP_WITH_READER, "create_user", T1, "UserID", user, "Name", "甲"));
        drain();
        post(contactChange(CORP_WITH_READER, "update_user", T1 + 20, "UserID", user, "Name", "丙"));
        drain();
        post(contactChange(CORP_WITH_READER, "update_user", T1 + 10, "UserID", user, "Name", "乙"));
        drain();

        assertThat(user(user).path("name").asText()).isEqualTo("丙");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String user = unique("twice");
        String create = contactChange(CORP_WITH_READER, "create_user", T1, "UserID", user, "Name", "重复");
        post(create);
        post(create);
        drain();

        String userId = user(user).path("userId").asText();
        JsonNode log = get("/oper-logs?targetId=" + userId + "&action=USER_UPSERT");
        assertThat(log.path("data").path("total").asInt()).isEqualTo(1);
        assertThat(awaitCrmDeliveries(userId, 1)).as("the CRM hears of the user once").isEqualTo(1);
    }

    @Test
    void anEventAppliedAgainAfterACrashBeforeItWasFinishedStillReachesTheCrmExactlyOnce() throws Exception {
        String user = unique("crash");
        post(contactChange(CORP_WITH_READER, "create_user", T1, "UserID", user, "Name", "崩溃"));
        drain();
        String userId = user(user).path("userId").asText();
        // wx-service killed after mdm-service committed, before the inbox recorded it: the event is applied again
        jdbc.update("UPDATE wx_inbox_event SET status = 'PENDING', done_at = NULL WHERE entity_key LIKE ?", "%:" + user);
        assertThat(drain()).isEqualTo(1);

        JsonNode log = get("/oper-logs?targetId=" + userId + "&action=USER_UPSERT");
        assertThat(log.path("data").path("total").asInt()).as("mdm-service recognized the event: ALREADY_APPLIED, nothing written")
                .isEqualTo(1);
        Thread.sleep(500); // a second delivery, if there were one, would have been made by now
        assertThat(awaitCrmDeliveries(userId, 1)).isEqualTo(1);
    }

    /** Waits up to 10 s for {@code expected} CRM deliveries of {@code userId}; answers how many there were. */
    private int awaitCrmDeliveries(String userId, int expected) throws InterruptedException {
        int found = 0;
        for (int i = 0; i < 200; i++) {
            found = (int) CRM.findAll(postRequestedFor(urlEqualTo("/api/users/sync"))).stream()
                    .filter(request -> request.getBodyAsString().contains("\"userId\":\"" + userId + "\""))
                    .count();
            if (found >= expected) {
                return found;
            }
            Thread.sleep(50);
        }
        return found;
    }

    private static WireMockServer crm() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(WireMock.post("/api/users/sync").willReturn(aResponse().withStatus(200)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "crm-stop"));
        return server;
    }

    @Test
    void eventsReceivedWhileMdmServiceIsDownLongerThanTheAttemptLimitAreAllAppliedWhenItIsBack() throws Exception {
        String user = unique("patient");
        MDM_SERVICE.stop();
        try {
            post(contactChange(CORP_WITH_READER, "create_user", T1, "UserID", user, "Name", "耐心"));
            post(contactChange(CORP_WITH_READER, "create_party", T1, "Id", "77", "Name", "等待部"));
            // twice the tests' max-attempts (3): the old inbox made both DEAD during such an outage
            int tries = 0;
            for (int i = 0; i < 400 && tries < 6; i++) {
                tries += worker.runOnce() > 0 ? 1 : 0;
                Thread.sleep(10);
            }
            assertThat(tries).isEqualTo(6);
            assertThat(jdbc.queryForList("SELECT DISTINCT status FROM wx_inbox_event", String.class)).containsExactly("FAILED");
            assertThat(jdbc.queryForList("SELECT DISTINCT attempts FROM wx_inbox_event", Integer.class))
                    .as("an outage uses up no attempts").containsExactly(0);
        } finally {
            MDM_SERVICE.start();
        }

        for (int i = 0; i < 200 && jdbc.queryForObject(
                "SELECT COUNT(*) FROM wx_inbox_event WHERE status <> 'DONE'", Integer.class) > 0; i++) {
            drain();
            Thread.sleep(20);
        }

        assertThat(user(user).path("name").asText()).isEqualTo("耐心");
        assertThat(get("/departments/" + CORP_WITH_READER + "/77").path("data").path("name").asText()).isEqualTo("等待部");
    }

    private JsonNode user(String wxUserId) throws Exception {
        JsonNode found = get("/users?corpId=" + CORP_WITH_READER + "&wxUserId=" + wxUserId + "&includeDeleted=true");
        assertThat(found.path("data")).as("user " + wxUserId + " in mdm-service").hasSize(1);
        return found.path("data").get(0);
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(RestClient.create(MDM_SERVICE.url()).get().uri(path)
                .header("Authorization", "Bearer " + token(Scopes.MDM_READ)).retrieve().body(String.class));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

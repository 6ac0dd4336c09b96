package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.Directory;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wecomsync.e2e.RunningSystem.AES_KEY;
import static io.wecomsync.e2e.RunningSystem.AGENT;
import static io.wecomsync.e2e.RunningSystem.CORP;
import static io.wecomsync.e2e.RunningSystem.eventsAt;
import static io.wecomsync.e2e.RunningSystem.TOKEN;
import static io.wecomsync.e2e.RunningSystem.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeCom (the simulator) → gateway → wx-service → mdm-service, all real, all through the gateway.
 * The scenarios share one running system and run in order: the first waits for the callback IP list,
 * which wx-service loads by itself at start-up (a first install).
 * The services accept an identity provider's tokens beside their own service tokens, so every scenario
 * also shows that the services' calls to each other work in that mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIntegrationTests {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    private RunningSystem system;
    private CallbackSender weCom;

    @BeforeAll
    void start() throws Exception {
        system = new RunningSystem();
        weCom = system.callbacks();
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void onAFreshInstallWeComsIpsAreLoadedAtStartUpAndTheGatewayThenLetsCallbacksIn() throws Exception {
        // nobody runs the IP job: wx-service does at start-up because mdm-service's list is empty
        String probe = eventsAt(Instant.parse("2026-11-01T00:00:00Z")).deleteParty(999_999);
        await(Duration.ofSeconds(60), "WeCom's IPs loaded at start-up and the gateway letting callbacks in",
                () -> delivered(probe));
        assertThat(system.get("/api/mdm/login-ips?type=QYWX").json().path("data").path("ips").toString()).contains("127.0.0.1");

        RunningSystem.Answer run = system.post("/api/wx/jobs/callback-ip/run", "");
        assertThat(run.status()).as("the job on demand: " + run.body()).isEqualTo(200);
        assertThat(run.json().path("data").path("ips").toString()).contains("127.0.0.1");
    }

    @Test
    @Order(2)
    void urlVerificationAnswersTheBareEchostr() throws Exception {
        String echostr = new WxCryptUtil(TOKEN, AES_KEY, CORP).encrypt("0123456789abcdef", "hello-from-wecom");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = SHA1.gen(TOKEN, timestamp, "n", echostr);

        RunningSystem.Answer answer = system.getWithoutToken(system.gatewayUrl() + "/wx/callback/" + AGENT
                + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=n&echostr="
                + URLEncoder.encode(echostr, StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello-from-wecom");
    }

    @Test
    @Order(3)
    void everyChangeTypeLandsInMdmService() throws Exception {
        Instant t = Instant.parse("2026-11-02T00:00:00Z");
        send(eventsAt(t).createUser(new Directory.User("alice", "Alice", List.of(1L), 1L, "工程师", "13800000011",
                "alice@example.com", 2, 1), false));
        await(SETTLE, "alice", () -> system.userField("alice", "name").equals("Alice"));
        String userId = system.user("alice").path("userId").asText();

        send(eventsAt(t.plusSeconds(1)).updateUser("alice", Map.of("Position", "架构师")));
        await(SETTLE, "alice's new position", () -> system.userField("alice", "position").equals("架构师"));

        send(eventsAt(t).createParty(new Directory.Department(10, "研发部", 1, 5), false));
        await(SETTLE, "department 10", () -> departmentName(10).equals("研发部"));
        send(eventsAt(t.plusSeconds(1)).updateParty(10, Map.of("Name", "研发中心")));
        await(SETTLE, "department 10 renamed", () -> departmentName(10).equals("研发中心"));

        system.directory.put(new Directory.Tag(5, "骨干", Set.of("alice"), Set.of(10L)));
        send(eventsAt(t).updateTag(5, List.of("alice"), List.of()));
        await(SETTLE, "tag 5", () -> tagMembers(5).equals("[\"alice\"]"));

        send(eventsAt(t.plusSeconds(2)).renameUser("alice", "alice2"));
        await(SETTLE, "the rename", () -> system.userField("alice2", "userId").equals(userId));

        send(eventsAt(t.plusSeconds(3)).deleteUser("alice2"));
        await(SETTLE, "the delete", () -> system.userField("alice2", "deleted").equals("true"));
        send(eventsAt(t.plusSeconds(3)).deleteParty(10));
        await(SETTLE, "department 10 deleted", () -> departmentDeleted(10));
    }

    @Test
    @Order(4)
    void anIdOnlyEventIsCompletedFromWeComsApi() throws Exception {
        system.directory.put(new Directory.User("bob", "Bob", List.of(1L), 1L, "产品经理", null, null, null, 1));

        send(eventsAt(Instant.parse("2026-11-03T00:00:00Z")).createUser(system.directory.user("bob").orElseThrow(), true));

        await(SETTLE, "bob, read from WeCom", () -> system.userField("bob", "name").equals("Bob") && system.userField("bob", "position").equals("产品经理"));
        assertThat(system.user("bob").path("mobile").isNull()).as("nothing invented").isTrue();
    }

    @Test
    @Order(5)
    void aBurstWithDuplicatesInShuffledOrderEndsEqualToTheDirectory() throws Exception {
        Instant t = Instant.parse("2026-11-04T00:00:00Z");
        List<String> messages = new ArrayList<>();
        int users = 80;
        for (int i = 0; i < users; i++) {
            String id = String.format("burst%03d", i);
            messages.add(eventsAt(t).createUser(new Directory.User(id, "N" + i + "-0", List.of(1L), 1L, null, null, null, null, 1), false));
            messages.add(eventsAt(t.plusSeconds(1)).updateUser(id, Map.of("Name", "N" + i + "-1")));
            messages.add(eventsAt(t.plusSeconds(2)).updateUser(id, Map.of("Position", "P" + i)));
            if (i % 5 == 0) {
                messages.add(eventsAt(t.plusSeconds(3)).deleteUser(id));
            }
        }
        Random random = new Random(42);
        List<String> burst = new ArrayList<>(messages);
        for (int i = 0; i < messages.size() / 5; i++) {
            burst.add(messages.get(random.nextInt(messages.size())));
        }
        Collections.shuffle(burst, random);

        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<CallbackSender.Delivery>> deliveries = new ArrayList<>();
            for (String message : burst) {
                deliveries.add(senders.submit(() -> weCom.send(message)));
            }
            for (Future<CallbackSender.Delivery> delivery : deliveries) {
                assertThat(delivery.get().delivered()).isTrue();
            }
        } finally {
            senders.shutdown();
        }
        system.awaitInboxDrained(Duration.ofSeconds(180));

        for (int i = 0; i < users; i++) {
            JsonNode user = system.user(String.format("burst%03d", i));
            if (i % 5 == 0) {
                // gone from the directory; when the delete overtook the rest, nothing older fills the record
                assertThat(user.path("deleted").asBoolean()).isTrue();
            } else {
                assertThat(user.path("deleted").asBoolean()).isFalse();
                assertThat(user.path("name").asText()).isEqualTo("N" + i + "-1");
                assertThat(user.path("position").asText()).isEqualTo("P" + i);
            }
        }
    }

    @Test
    @Order(6)
    void eventsReceivedWhileMdmServiceIsDownAreAppliedOnceItIsBack() throws Exception {
        Instant t = Instant.parse("2026-11-05T00:00:00Z");
        system.stopMdm();
        try {
            for (int i = 0; i < 30; i++) {
                String message = eventsAt(t).createUser(new Directory.User("down" + i, "Down" + i, List.of(1L), 1L,
                        null, null, null, null, 1), false);
                assertThat(weCom.send(message).delivered()).as("stored although mdm-service is down").isTrue();
            }
        } finally {
            system.restartMdm();
        }
        system.awaitInboxDrained(Duration.ofSeconds(180));

        for (int i = 0; i < 30; i++) {
            assertThat(system.user("down" + i).path("name").asText()).isEqualTo("Down" + i);
        }
    }

    @Test
    @Order(7)
    void theMdmApiRefusesCallsWithoutAToken() throws Exception {
        assertThat(system.getWithoutToken(system.gatewayUrl() + "/api/mdm/users/1").status()).isEqualTo(401);
        assertThat(system.getWithoutToken("http://127.0.0.1:" + system.mdmPort + "/users/1").status()).isEqualTo(401);
        assertThat(system.getWithoutToken("http://127.0.0.1:" + system.wxPort + "/admin/inbox/counts").status()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void aCallbackFromAnAddressNotOnWeComsListIsRefused() throws Exception {
        String probe = eventsAt(Instant.parse("2026-11-06T00:00:00Z")).deleteParty(999_998);
        system.put("/api/mdm/login-ips/QYWX", "{\"ips\":[\"101.226.103.0/25\"]}");

        await(Duration.ofSeconds(30), "the gateway to refuse 127.0.0.1", () -> status(probe) == 403);

        system.post("/api/wx/jobs/callback-ip/run", "");
        await(Duration.ofSeconds(30), "the gateway to let callbacks in again", () -> delivered(probe));
    }

    @Test
    @Order(10)
    void operatorsTokensFromTheIdentityProviderWorkBesideTheServicesOwnTokens() throws Exception {
        IdentityProviderStub idp = system.identityProvider;
        String ips = system.gatewayUrl() + "/api/mdm/login-ips?type=QYWX";

        RunningSystem.Answer read = system.getWithToken(ips, idp.token("ops-zhang", "mdm.read"));
        RunningSystem.Answer inbox = system.getWithToken(system.gatewayUrl() + "/api/wx/inbox/events?corpId=" + CORP,
                idp.token("ops-zhang", "wx.read"));
        RunningSystem.Answer direct = system.getWithToken("http://127.0.0.1:" + system.mdmPort + "/login-ips?type=QYWX",
                idp.token("ops-zhang", "mdm.read"));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("data").path("ips").toString()).contains("127.0.0.1");
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        assertThat(direct.status()).as("mdm-service checks it itself: " + direct.body()).isEqualTo(200);
        assertThat(system.getWithToken(ips, idp.token(IdentityProviderStub.ISSUER, "another-app", "ops-zhang", "mdm.read"))
                .status()).as("another audience").isEqualTo(401);
        assertThat(system.getWithToken(ips, idp.token("https://evil.example", IdentityProviderStub.AUDIENCE, "ops-zhang",
                "mdm.read")).status()).as("another issuer").isEqualTo(401);
        assertThat(system.getWithToken(ips, idp.token("wecom-sync", "wecom-sync", "ops-zhang", "admin")).status())
                .as("the provider's key posing as a service token").isEqualTo(401);
    }

    private void send(String message) throws InterruptedException {
        assertThat(weCom.send(message).delivered()).isTrue();
    }

    private boolean delivered(String message) {
        return status(message) == 200;
    }

    private int status(String message) {
        try {
            return weCom.send(message).lastStatus();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String departmentName(long id) {
        try {
            return system.get("/api/mdm/departments/" + CORP + "/" + id).json().path("data").path("name").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private boolean departmentDeleted(long id) {
        try {
            return system.get("/api/mdm/departments/" + CORP + "/" + id).json().path("data").path("deleted").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    private String tagMembers(long id) {
        try {
            return system.get("/api/mdm/tags/" + CORP + "/" + id + "/members").json().path("data").path("users").toString();
        } catch (Exception e) {
            return "";
        }
    }
}

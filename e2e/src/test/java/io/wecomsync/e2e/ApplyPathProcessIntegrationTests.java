package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.wecomsync.infra.embedded.EmbeddedRedis;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.wecomsync.e2e.RunningSystem.AES_KEY;
import static io.wecomsync.e2e.RunningSystem.AGENT;
import static io.wecomsync.e2e.RunningSystem.CORP;
import static io.wecomsync.e2e.RunningSystem.TOKEN;
import static io.wecomsync.e2e.RunningSystem.await;
import static io.wecomsync.e2e.RunningSystem.eventsAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply path with real processes and real time: wx-service killed between mdm-service's commit and
 * its own record of it, and two wx-service instances sharing one inbox while mdm-service answers more
 * slowly than the lease lasts. mdm-service delivers to a stub CRM; wx-service reaches it through a
 * proxy that can hold answers back. Callbacks go to wx-service directly (the gateway adds nothing here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplyPathProcessIntegrationTests {

    private static final String CRM_PATH = "/api/users/sync";

    private final Directory directory = new Directory();
    private final OperatorReads operator = new OperatorReads();
    private final List<ServiceJar> wxInstances = new ArrayList<>();
    private TestInfrastructure.TestDatabase wxDb;
    private WeComApiServer weCom;
    private WireMockServer crm;
    private WireMockServer mdmProxy;
    private ServiceJar mdm;

    @BeforeAll
    void start() throws Exception {
        weCom = new WeComApiServer(directory, CORP, 0);
        crm = new WireMockServer(options().dynamicPort());
        crm.start();
        crm.stubFor(WireMock.post(urlPathEqualTo(CRM_PATH)).willReturn(aResponse().withStatus(200)));
        int mdmPort = FreePorts.find();
        mdm = TestServices.startJar("mdm-apply", "mdm-service", mdmPort, Map.of(),
                TestServices.mdmArguments(TestInfrastructure.database("mdmapply"),
                        "--mdm.crm.base-url=" + crm.baseUrl(), "--mdm.outbox.relay-enabled=true",
                        "--mdm.outbox.poll-interval=100ms"));
        mdmProxy = new WireMockServer(options().dynamicPort());
        mdmProxy.start();
        wxDb = TestInfrastructure.database("wxapply");
        mdm.awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterEach
    void stopWx() {
        wxInstances.forEach(ServiceJar::stop);
        wxInstances.clear();
        mdmProxy.resetAll();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closing : new AutoCloseable[] {mdm::stop, mdmProxy::stop, crm::stop, weCom}) {
            try {
                closing.close();
            } catch (Exception ignored) {
                // the JVM ends next
            }
        }
    }

    @Test
    void wxServiceKilledAfterMdmServiceCommittedStillGivesTheCrmExactlyOneDelivery() throws Exception {
        // mdm-service commits at once; its answer to the write reaches wx-service only after a minute
        proxyToMdm(Duration.ofSeconds(60));
        ServiceJar first = startWx("wx-killed", "3s");
        Instant t = Instant.parse("2026-12-02T08:00:00Z");
        send(first, eventsAt(t).createUser(new Directory.User("killme", "被杀之前", List.of(1L), 1L, null, null, null, null, 1), false));

        await(Duration.ofSeconds(60), "mdm-service to commit the write", () -> mdmUser("killme") != null);
        first.kill();
        proxyToMdm(Duration.ZERO);
        ServiceJar second = startWx("wx-after-kill", "3s");

        await(Duration.ofSeconds(90), "the new instance to apply the event again", () -> operator.inboxDrained(second.url()));
        await(Duration.ofSeconds(30), "the CRM delivery", () -> crmDeliveries("killme") >= 1);
        Thread.sleep(2000); // a second delivery, were there one, would be due by now (relay polls every 100 ms)
        assertThat(crmDeliveries("killme")).as("one delivery, although the write was applied twice").isEqualTo(1);
        JsonNode event = wxGet(second, "/admin/inbox/events?corpId=" + CORP + "&entityKey=user:" + CORP + ":killme").path("data").path("items").get(0);
        assertThat(event.path("status").asText()).isEqualTo("DONE");
        assertThat(event.path("attempts").asInt()).as("claimed by the killed instance, then by the new one").isEqualTo(2);
        assertThat(oplog("USER_UPSERT", "killme")).as("the repeat was recognized, not logged again").hasSize(1);
    }

    @Test
    void twoInstancesWithMdmServiceSlowerThanTheLeaseApplyEachEventOnceAndEndAtTheLastEvent() throws Exception {
        // every write takes longer than a lease: only renewal keeps the other instance off an event in flight
        proxyToMdm(Duration.ofMillis(2500));
        // two events a round each: one instance cannot claim every entity's head before the other's next poll
        ServiceJar a = startWx("wx-a", "1500ms", TestInfrastructure.redisUrl(), "--wx.inbox.batch-size=2");
        ServiceJar b = startWx("wx-b", "1500ms", TestInfrastructure.redisUrl(), "--wx.inbox.batch-size=2");
        Instant t = Instant.parse("2026-12-02T09:00:00Z");
        int users = 8;
        int updates = 5;
        List<String> userIds = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String id = "twin" + i;
            userIds.add(id);
            for (int k = 0; k < updates; k++) {
                messages.add(eventsAt(t.plusSeconds(k)).updateUser(id, Map.of("Name", "T" + i + "-" + k)));
            }
        }
        directory.put(new Directory.Tag(77, "双实例", Set.copyOf(userIds), Set.of()));
        for (int i = 0; i < users; i++) {
            messages.add(eventsAt(t.plusSeconds(10 + i)).updateTag(77, List.of(userIds.get(i)), List.of()));
        }
        Collections.shuffle(messages, new Random(7));

        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                ServiceJar to = i % 2 == 0 ? a : b;
                String message = messages.get(i);
                sent.add(senders.submit(() -> callbacks(to).send(message).lastStatus()));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            senders.shutdown();
        }
        await(Duration.ofSeconds(180), "both instances to apply everything", () -> operator.inboxDrained(a.url()));

        for (int i = 0; i < users; i++) {
            assertThat(mdmUser("twin" + i).path("name").asText()).as("twin" + i + " ends at its last event")
                    .isEqualTo("T" + i + "-" + (updates - 1));
        }
        Map<String, Integer> perEvent = new HashMap<>();
        for (String id : userIds) {
            oplog("USER_UPSERT", id).forEach(entry -> perEvent.merge(entry.path("sourceEventId").asText(), 1, Integer::sum));
        }
        assertThat(perEvent).as("every update applied once").hasSize(users * updates);
        assertThat(perEvent.values()).allMatch(count -> count == 1);
        assertThat(mdmGet("/tags/" + CORP + "/77/members").path("data").path("users").size()).isEqualTo(users);
        JsonNode dead = wxGet(a, "/admin/inbox/events?status=DEAD&corpId=" + CORP).path("data");
        assertThat(dead.path("total").asInt()).isZero();
        assertThat(operator.meter(a.url(), "wecom.inbox.applied")).as("instance a applied some").isPositive();
        assertThat(operator.meter(b.url(), "wecom.inbox.applied")).as("instance b applied some").isPositive();
        assertThat(operator.meter(a.url(), "wecom.inbox.claim.lost") + operator.meter(b.url(), "wecom.inbox.claim.lost"))
                .as("no lease ran out while its event was applied").isZero();
    }

    @Test
    void idOnlyEventsApplyWhileRedisIsDownWithTheTokenKeptInProcess() throws Exception {
        proxyToMdm(Duration.ZERO);
        int port = FreePorts.find();
        EmbeddedRedis redis = EmbeddedRedis.start(port, null);
        ServiceJar wx;
        try {
            wx = startWx("wx-redis", "10s", redis.url());
        } finally {
            redis.close();
        }
        directory.put(new Directory.User("redisless", "缓存之后", List.of(1L), 1L, "经理", null, null, null, 1));
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        // ID-only: applying it needs WeCom's user/get, and so an access token, which lives in Redis
        send(wx, eventsAt(t).createUser(directory.user("redisless").orElseThrow(), true));
        String entity = "/admin/inbox/events?corpId=" + CORP + "&entityKey=user:" + CORP + ":redisless";

        await(Duration.ofSeconds(90), "the event to be applied with Redis down", () -> mdmUser("redisless") != null);
        assertThat(mdmUser("redisless").path("position").asText()).as("completed from WeCom").isEqualTo("经理");
        JsonNode applied = wxGet(wx, entity).path("data").path("items").get(0);
        assertThat(applied.path("status").asText()).isEqualTo("DONE");
        assertThat(applied.path("attempts").asInt()).as("applied on its first attempt").isEqualTo(1);

        EmbeddedRedis back = EmbeddedRedis.start(port, null);
        try {
            directory.put(new Directory.User("redisback", "缓存回来", List.of(1L), 1L, "总监", null, null, null, 1));
            send(wx, eventsAt(t.plusSeconds(60)).createUser(directory.user("redisback").orElseThrow(), true));
            await(Duration.ofSeconds(90), "an ID-only event to be applied once Redis is back", () -> mdmUser("redisback") != null);
            assertThat(mdmUser("redisback").path("position").asText()).isEqualTo("总监");
            assertThat(wxGet(wx, "/admin/inbox/events?status=DEAD&corpId=" + CORP).path("data").path("total").asInt())
                    .isZero();
        } finally {
            wx.stop();
            back.close();
        }
    }

    /** Every call to mdm-service goes through, answered after {@code delay} when it writes users or tags. */
    private void proxyToMdm(Duration delay) {
        mdmProxy.resetAll();
        mdmProxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(mdm.url())));
        if (!delay.isZero()) {
            mdmProxy.stubFor(any(urlPathMatching("/(users/by-wx|tags)/.*")).atPriority(1)
                    .willReturn(aResponse().proxiedFrom(mdm.url()).withFixedDelay((int) delay.toMillis())));
        }
    }

    private ServiceJar startWx(String name, String lease) throws Exception {
        return startWx(name, lease, TestInfrastructure.redisUrl());
    }

    private ServiceJar startWx(String name, String lease, String redisUrl, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--wx.inbox.lease=" + lease, "--wx.inbox.retry.max-attempts=30",
                "--wx.reconcile.initial-load-when-empty=false",
                "--management.endpoints.web.exposure.include=health,info,metrics"));
        arguments.addAll(List.of(extra));
        ServiceJar wx = TestServices.startJar(name, "wx-service", FreePorts.find(), Map.of(),
                TestServices.wxArguments(wxDb, mdmProxy.baseUrl(), weCom.baseUrl(), redisUrl, arguments.toArray(String[]::new)));
        wxInstances.add(wx);
        wx.awaitHealthy(Duration.ofSeconds(120));
        return wx;
    }

    private static CallbackSender callbacks(ServiceJar wx) {
        return new CallbackSender(wx.url() + "/callback/" + AGENT, CORP, TOKEN, AES_KEY, AGENT, Duration.ofMillis(200));
    }

    private static void send(ServiceJar wx, String message) throws InterruptedException {
        assertThat(callbacks(wx).send(message).delivered()).isTrue();
    }

    private int crmDeliveries(String wxUserId) {
        return crm.findAll(postRequestedFor(urlPathEqualTo(CRM_PATH))
                .withRequestBody(containing("\"wxUserId\":\"" + wxUserId + "\""))).size();
    }

    private JsonNode mdmUser(String wxUserId) {
        try {
            JsonNode users = mdmGet("/users?corpId=" + CORP + "&wxUserId=" + wxUserId + "&includeDeleted=true").path("data");
            return users.isEmpty() ? null : users.get(0);
        } catch (Exception e) {
            return null;
        }
    }

    private List<JsonNode> oplog(String action, String wxUserId) throws Exception {
        String userId = mdmUser(wxUserId).path("userId").asText();
        List<JsonNode> entries = new ArrayList<>();
        mdmGet("/oper-logs?corpId=" + CORP + "&action=" + action + "&targetId=" + userId + "&size=200")
                .path("data").path("items").forEach(entries::add);
        return entries;
    }

    private JsonNode mdmGet(String path) throws Exception {
        return operator.get(mdm.url() + path);
    }

    private JsonNode wxGet(ServiceJar wx, String path) throws Exception {
        return operator.get(wx.url() + path);
    }
}

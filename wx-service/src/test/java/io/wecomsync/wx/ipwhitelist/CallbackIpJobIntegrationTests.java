package io.wecomsync.wx.ipwhitelist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class CallbackIpJobIntegrationTests extends WxIntegrationTest {

    @Autowired
    ObjectMapper json;
    @Autowired
    InitialCallbackIps initialCallbackIps;

    @BeforeEach
    void weComGivesTokens() {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-1\",\"expires_in\":7200}")));
        MDM.stubFor(put(urlPathEqualTo("/login-ips/QYWX")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"type\":\"QYWX\",\"ips\":[\"101.226.103.0/25\",\"182.254.11.0/24\"]}}")));
    }

    @Test
    void weComsListReplacesMdmServicesQywxList() throws Exception {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/getcallbackip")).willReturn(okJson(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"ip_list\":[\"182.254.11.0/24\",\"101.226.103.0/25\"]}")));

        JsonNode answer = json.readTree(http.postForEntity("/admin/jobs/callback-ip/run", null, String.class).getBody());

        assertThat(answer.path("data").path("replaced").asBoolean()).isTrue();
        MDM.verify(putRequestedFor(urlPathEqualTo("/login-ips/QYWX"))
                .withRequestBody(equalToJson("{\"ips\":[\"101.226.103.0/25\",\"182.254.11.0/24\"]}", true, true)));
    }

    @Test
    void aWeComErrorKeepsThePreviousListAndIsReported() throws Exception {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/getcallbackip"))
                .willReturn(okJson("{\"errcode\":60020,\"errmsg\":\"not allow to access from your ip\"}")));

        JsonNode answer = json.readTree(http.postForEntity("/admin/jobs/callback-ip/run", null, String.class).getBody());

        assertThat(answer.path("data").path("replaced").asBoolean()).isFalse();
        assertThat(answer.path("data").path("problems").toString()).contains("60020");
        MDM.verify(0, putRequestedFor(urlPathEqualTo("/login-ips/QYWX")));
        MDM.verify(postRequestedFor(urlPathEqualTo("/login-ips/QYWX/refresh-failures"))
                .withRequestBody(matchingJsonPath("$.problem", containing("60020"))));
    }

    @Test
    void anEmptyListIsNeverWritten() {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/getcallbackip"))
                .withQueryParam("access_token", equalTo("token-1"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"ip_list\":[]}")));

        http.postForEntity("/admin/jobs/callback-ip/run", null, String.class);

        MDM.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void onAFreshInstallTheListIsFetchedAtStartUpThroughTheClusteredJob() throws Exception {
        MDM.stubFor(get(urlPathEqualTo("/login-ips")).withQueryParam("type", equalTo("QYWX")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"type\":\"QYWX\",\"ips\":[]}}")));
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/getcallbackip")).willReturn(okJson(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"ip_list\":[\"182.254.11.0/24\"]}")));

        // one look, driven here: nothing is scheduled to leak into other tests
        assertThat(initialCallbackIps.check(1)).as("looks again while the list may still be empty")
                .contains(InitialCallbackIps.FIRST_RETRY);

        for (int i = 0; i < 100 && MDM.findAll(putRequestedFor(urlPathEqualTo("/login-ips/QYWX"))).isEmpty(); i++) {
            Thread.sleep(100);
        }
        MDM.verify(putRequestedFor(urlPathEqualTo("/login-ips/QYWX"))
                .withRequestBody(equalToJson("{\"ips\":[\"182.254.11.0/24\"]}", true, true)));
    }

    @Test
    void aListAlreadyThereIsLeftAloneAtStartUp() throws Exception {
        MDM.stubFor(get(urlPathEqualTo("/login-ips")).withQueryParam("type", equalTo("QYWX")).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"data\":{\"type\":\"QYWX\",\"ips\":[\"182.254.11.0/24\"]}}")));

        assertThat(initialCallbackIps.check(1)).as("done: nothing more to look at").isEmpty();
        Thread.sleep(1000);

        WECOM.verify(0, getRequestedFor(urlPathEqualTo("/cgi-bin/getcallbackip")));
        MDM.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void whileTheListCannotBeReadTheStartUpCheckKeepsLookingLessOften() {
        // a refusal rather than a 5xx: the test context's circuit breaker stays closed for the other tests
        MDM.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40001,\"msg\":\"no\",\"data\":null}")));

        assertThat(initialCallbackIps.check(1)).contains(Duration.ofSeconds(15));
        assertThat(initialCallbackIps.check(3)).contains(Duration.ofSeconds(60));
        // an outage of hours: still looking, every ten minutes
        assertThat(initialCallbackIps.check(500)).contains(Duration.ofMinutes(10));
        WECOM.verify(0, getRequestedFor(urlPathEqualTo("/cgi-bin/getcallbackip")));
    }

    @Test
    void twoClusteredSchedulersOnOneDatabaseRunEachTriggerOnce() throws Exception {
        CountingJob.RUNS.set(0);
        Scheduler first = scheduler("node-1");
        Scheduler second = scheduler("node-2");
        assertThat(second).isNotSameAs(first);
        try {
            first.clear();
            first.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("counting").build(),
                    TriggerBuilder.newTrigger().withIdentity("counting").startAt(new Date(System.currentTimeMillis() + 500))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(400).withRepeatCount(4))
                            .build());
            first.start();
            second.start();
            for (int i = 0; i < 100 && CountingJob.RUNS.get() < 5; i++) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        } finally {
            first.shutdown(true);
            second.shutdown(true);
        }

        assertThat(CountingJob.RUNS.get()).as("5 fires of one trigger across two nodes").isEqualTo(5);
    }

    private static Scheduler scheduler(String instanceId) throws Exception {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("wx");
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "cluster-test");
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.threadPool.threadCount", "2");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        quartz.setProperty("org.quartz.jobStore.dataSource", "db");
        quartz.setProperty("org.quartz.dataSource.db.provider", "hikaricp");
        quartz.setProperty("org.quartz.dataSource.db.driver", "com.mysql.cj.jdbc.Driver");
        quartz.setProperty("org.quartz.dataSource.db.URL", db.jdbcUrl());
        quartz.setProperty("org.quartz.dataSource.db.user", db.username());
        quartz.setProperty("org.quartz.dataSource.db.password", db.password());
        quartz.setProperty("org.quartz.dataSource.db.maxConnections", "4");
        StdSchedulerFactory factory = new StdSchedulerFactory();
        factory.initialize(quartz);
        Scheduler scheduler = factory.getScheduler();
        // Quartz keeps one scheduler per name in a JVM; two cluster nodes need two instances of the same name
        SchedulerRepository.getInstance().remove("cluster-test");
        return scheduler;
    }

    /** Counts its runs, whichever node runs it. */
    @DisallowConcurrentExecution
    public static class CountingJob implements Job {

        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public void execute(JobExecutionContext context) {
            RUNS.incrementAndGet();
        }
    }
}

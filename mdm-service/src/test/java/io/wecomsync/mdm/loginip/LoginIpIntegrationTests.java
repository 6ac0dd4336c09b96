package io.wecomsync.mdm.loginip;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIpIntegrationTests extends MdmIntegrationTest {

    @Test
    void replacingASetIsAtomicForConcurrentReaders() throws Exception {
        String type = "ATOMIC";
        List<String> setA = List.of("1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4", "1.1.1.5");
        List<String> setB = List.of("2.2.2.1", "2.2.2.2", "2.2.2.3", "2.2.2.4", "2.2.2.5", "2.2.2.6");
        assertThat(http.put("/login-ips/{t}", Map.of("ips", setA), type).status()).isEqualTo(200);

        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch readerStarted = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Runnable reader = () -> {
                readerStarted.countDown();
                while (writing.get()) {
                    Answer read = http.get("/login-ips?type={t}", type);
                    seen.add(read.data().path("ips").toString());
                }
            };
            Future<?> r1 = pool.submit(reader);
            Future<?> r2 = pool.submit(reader);
            readerStarted.await(5, TimeUnit.SECONDS);
            for (int i = 0; i < 30; i++) {
                assertThat(http.put("/login-ips/{t}", Map.of("ips", i % 2 == 0 ? setB : setA), type).status()).isEqualTo(200);
            }
            writing.set(false);
            r1.get(10, TimeUnit.SECONDS);
            r2.get(10, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }

        String a = "[\"1.1.1.1\",\"1.1.1.2\",\"1.1.1.3\",\"1.1.1.4\",\"1.1.1.5\"]";
        String b = "[\"2.2.2.1\",\"2.2.2.2\",\"2.2.2.3\",\"2.2.2.4\",\"2.2.2.5\",\"2.2.2.6\"]";
        assertThat(seen).isNotEmpty().isSubsetOf(a, b);
    }

    @Test
    void anInvalidAddressIsRefusedByNameAndNothingChanges() {
        http.put("/login-ips/{t}", Map.of("ips", List.of("10.0.0.1")), "KEEP");

        Answer bad = http.put("/login-ips/{t}", Map.of("ips", List.of("10.0.0.2", "999.1.1.1", "example.com")), "KEEP");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.msg()).contains("ips[1] '999.1.1.1'").contains("ips[2] 'example.com'");
        assertThat(http.get("/login-ips?type=KEEP").data().path("ips").toString()).isEqualTo("[\"10.0.0.1\"]");
    }

    @Test
    void anEmptyListOrABadTypeIsRefused() {
        http.put("/login-ips/{t}", Map.of("ips", List.of("10.0.0.1")), "NONEMPTY");

        Answer empty = http.put("/login-ips/NONEMPTY", Map.of("ips", List.of()));
        Answer badType = http.put("/login-ips/{t}", Map.of("ips", List.of("10.0.0.1")), "lower-case");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.msg()).contains("ips");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.msg()).contains("type");
        assertThat(http.get("/login-ips?type=NONEMPTY").data().path("ips")).hasSize(1);
    }

    @Autowired
    LoginIpMetrics metrics;
    @Autowired
    MeterRegistry registry;

    @Test
    void theAgeOfEachListIsTheTimeSinceItWasLastRefreshed() {
        http.put("/login-ips/AGED", Map.of("ips", List.of("10.9.0.1")));
        metrics.read();
        assertThat(age("AGED")).isBetween(0.0, 60.0);

        jdbc.update("UPDATE mdm_login_ip SET listed_at = listed_at - INTERVAL 2 HOUR WHERE ip_type = 'AGED'");
        metrics.read();
        assertThat(age("AGED")).isBetween(7_200.0, 7_300.0);

        http.put("/login-ips/AGED", Map.of("ips", List.of("10.9.0.1")));
        metrics.read();
        assertThat(age("AGED")).as("a refresh that changes nothing still counts").isBetween(0.0, 60.0);
    }

    private double age(String type) {
        return registry.get("wecom.login.ip.age").tag("type", type).gauge().value();
    }

    @Test
    void addressesAreStoredCanonicallyOnceAndTheReplaceIsLogged() {
        Answer replaced = http.put("/login-ips/CANON", Map.of("ips", List.of(" 10.0.0.1 ", "10.0.0.1", "2001:DB8::1", "192.168.0.0/16")));
        Answer same = http.put("/login-ips/CANON", Map.of("ips", List.of("192.168.0.0/16", "10.0.0.1", "2001:db8:0:0:0:0:0:1")));

        assertThat(replaced.data().path("ips").toString())
                .isEqualTo("[\"10.0.0.1\",\"192.168.0.0/16\",\"2001:db8:0:0:0:0:0:1\"]");
        assertThat(jdbc.queryForList("SELECT result FROM mdm_oper_log WHERE action = 'LOGIN_IP_REPLACE' AND target_id = 'CANON' ORDER BY id",
                String.class)).containsExactly("CREATED", "UNCHANGED");
        assertThat(same.status()).isEqualTo(200);
    }

    @Test
    void aFailedRefreshIsLoggedAndTheListKept() {
        http.put("/login-ips/{t}", Map.of("ips", List.of("10.9.9.9")), "KEPT");

        Answer reported = http.post("/login-ips/KEPT/refresh-failures",
                Map.of("source", "wx-service getcallbackip", "problem", "WeCom error 60020"));

        assertThat(reported.status()).isEqualTo(200);
        assertThat(http.get("/login-ips?type=KEPT").data().path("ips").toString()).isEqualTo("[\"10.9.9.9\"]");
        assertThat(jdbc.queryForObject("SELECT message FROM mdm_oper_log WHERE action = 'LOGIN_IP_REFRESH' AND target_id = 'KEPT'",
                String.class)).contains("60020").contains("kept");
        assertThat(http.post("/login-ips/KEPT/refresh-failures", Map.of("source", "x")).status()).isEqualTo(400);
    }

    @Test
    void aReplaceThatShrinksTheListByMoreThanHalfKeepsTheRestForTheGracePeriodWithAWarning() {
        List<String> full = List.of("10.1.0.1", "10.1.0.2", "10.1.0.3", "10.1.0.4", "10.1.0.5", "10.1.0.6");
        http.put("/login-ips/{t}", Map.of("ips", full), "SHRINK");

        Answer shrunk = http.put("/login-ips/{t}", Map.of("ips", List.of("10.1.0.1", "10.1.0.9"), "source", "job"), "SHRINK");

        assertThat(shrunk.status()).isEqualTo(200);
        assertThat(shrunk.data().path("ips")).hasSize(7);
        assertThat(jdbc.queryForObject("SELECT message FROM mdm_oper_log WHERE action = 'LOGIN_IP_REPLACE' AND target_id = 'SHRINK'"
                + " ORDER BY id DESC LIMIT 1", String.class)).contains("WARNING").contains("from 6 to 2").contains("kept until");

        // a day and more later the ones WeCom stopped listing are gone
        jdbc.update("UPDATE mdm_login_ip SET listed_at = listed_at - INTERVAL 25 HOUR WHERE ip_type = 'SHRINK'");
        Answer later = http.put("/login-ips/{t}", Map.of("ips", List.of("10.1.0.1", "10.1.0.9")), "SHRINK");

        assertThat(later.data().path("ips").toString()).isEqualTo("[\"10.1.0.1\",\"10.1.0.9\"]");
    }

    @Test
    void aReplaceThatKeepsHalfOrMoreTakesEffectAtOnce() {
        http.put("/login-ips/{t}", Map.of("ips", List.of("10.2.0.1", "10.2.0.2", "10.2.0.3", "10.2.0.4")), "HALF");

        Answer replaced = http.put("/login-ips/{t}", Map.of("ips", List.of("10.2.0.1", "10.2.0.5")), "HALF");

        assertThat(replaced.data().path("ips").toString()).isEqualTo("[\"10.2.0.1\",\"10.2.0.5\"]");
        assertThat(http.get("/login-ips?type=HALF").data().path("ips")).hasSize(2);
    }
}

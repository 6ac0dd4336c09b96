package io.wecomsync.bench;

import com.sun.net.httpserver.HttpServer;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.simulator.CallbackSender;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seconds-long smoke run of the benchmark harness (the benchmarks themselves run by hand): the load
 * generator's callbacks are accepted by the WxJava reference receiver — so they are signed and encrypted
 * as WeCom does — in both modes, and the latencies land in the histogram; a stalled answer is named by
 * the second it was due in.
 */
class LoadHarnessSmokeTests {

    @Test
    void generatedCallbacksAreValidAndMeasuredInBothModes() throws Exception {
        int passThrough = FreePorts.find();
        int wxJava = FreePorts.find();
        try (ReferenceServers references = new ReferenceServers(passThrough, wxJava)) {
            CallbackSender signer = new CallbackSender("http://127.0.0.1:" + wxJava + "/callback", BenchSystem.CORP,
                    BenchSystem.CALLBACK_TOKEN, BenchSystem.AES_KEY, BenchSystem.AGENT, Duration.ZERO);
            CallbackLoad load = new CallbackLoad(signer, new LoadMessages("smoke", 100));

            CallbackLoad.Outcome offered = load.offered(200, 4, Duration.ofMillis(200), Duration.ofSeconds(1));
            CallbackLoad.Outcome closed = load.closed(4, Duration.ofMillis(200), Duration.ofSeconds(1));

            assertThat(offered.sent()).as("200/s for a second").isBetween(190L, 201L);
            assertThat(offered.accepted()).isEqualTo(offered.sent());
            assertThat(offered.latency().getTotalCount()).isEqualTo(offered.sent());
            assertThat(closed.accepted()).as(closed.figures().toString()).isPositive().isEqualTo(closed.sent());
            assertThat(closed.refused() + closed.failed()).isZero();
            assertThat(load.acceptedTotal()).as("warm-ups count towards what must be stored")
                    .isGreaterThan(offered.accepted() + closed.accepted());
        }
    }

    @Test
    void theOpenLoopNamesTheSecondsInWhichAnAnswerTookOverASecond() throws Exception {
        AtomicBoolean stalled = new AtomicBoolean();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/callback", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (stalled.compareAndSet(false, true)) {
                sleep(Duration.ofMillis(1300));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            CallbackSender signer = new CallbackSender("http://127.0.0.1:" + server.getAddress().getPort() + "/callback",
                    BenchSystem.CORP, BenchSystem.CALLBACK_TOKEN, BenchSystem.AES_KEY, BenchSystem.AGENT, Duration.ZERO);
            CallbackLoad load = new CallbackLoad(signer, new LoadMessages("stall", 10));

            CallbackLoad.Outcome outcome = load.offered(20, 2, Duration.ZERO, Duration.ofSeconds(2));

            assertThat(outcome.accepted()).isEqualTo(40);
            assertThat(outcome.figures().get("over1s")).isEqualTo(1L);
            assertThat(outcome.slowSeconds()).as("the first second, by its wall-clock time")
                    .matches("\\d\\d:\\d\\d:\\d\\d 1[0-9]{3} ms");
        } finally {
            server.stop(0);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void messagesAreAllDistinct() {
        LoadMessages messages = new LoadMessages("distinct", 3);

        assertThat(messages.apply(1)).isNotEqualTo(messages.apply(4));
        assertThat(messages.apply(1)).contains("distinct-1").contains("压测1");
        assertThat(messages.apply(4)).contains("distinct-1").contains("压测4");
    }
}

package io.wecomsync.bench;

import io.wecomsync.simulator.CallbackSender;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongFunction;

/**
 * Sends signed, encrypted callbacks as WeCom would, either at a fixed offered rate (open loop: each
 * latency is measured from the intended send time, so a stalled server cannot hide its queue) or from
 * a fixed number of connections each sending its next callback when the last was answered (closed
 * loop, for a ceiling). Latencies go to an HdrHistogram; only those of callbacks sent after the
 * warm-up count. Every message comes from {@code messages}, numbered from 0, so all are distinct.
 */
final class CallbackLoad {

    /** The open loop's connections unless a benchmark is told otherwise: 64 carry 1,000/s at up to 64 ms each. */
    static final int OPEN_CONNECTIONS = 64;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final CallbackSender signer;
    private final LongFunction<String> messages;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong acceptedTotal = new AtomicLong();

    CallbackLoad(CallbackSender signer, LongFunction<String> messages) {
        this.signer = signer;
        this.messages = messages;
    }

    /** What one phase measured. {@code latency} holds measured callbacks only; times in microseconds. */
    record Outcome(long sent, long accepted, long refused, long failed, double seconds, Histogram latency, String firstProblem,
                   String slowSeconds) {

        double acceptedPerSecond() {
            return seconds <= 0 ? 0 : accepted / seconds;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("sent", sent);
            figures.put("accepted", accepted);
            figures.put("refused", refused);
            figures.put("failed", failed);
            figures.put("seconds", seconds);
            figures.put("acceptedPerSecond", Math.round(acceptedPerSecond()));
            figures.put("p50Ms", millis(latency.getValueAtPercentile(50)));
            figures.put("p99Ms", millis(latency.getValueAtPercentile(99)));
            figures.put("p999Ms", millis(latency.getValueAtPercentile(99.9)));
            figures.put("maxMs", millis(latency.getMaxValue()));
            figures.put("over1s", latency.getTotalCount() - latency.getCountBetweenValues(0, 1_000_000));
            if (firstProblem != null) {
                figures.put("firstProblem", firstProblem);
            }
            if (slowSeconds != null && !slowSeconds.isEmpty()) {
                figures.put("slowSeconds", slowSeconds);
            }
            return figures;
        }

        private static double millis(long micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }

    /** Callbacks answered 200 in every phase so far, warm-ups included: each must be stored once. */
    long acceptedTotal() {
        return acceptedTotal.get();
    }

    /**
     * Open loop at {@code perSecond} over at most {@code connections} connections, as wrk2 or a sender's
     * connection pool does: a pacer lists each callback at its intended send time, {@code connections}
     * senders take them in order, and each latency counts from the intended time, so a callback waiting
     * for a free connection is late by as much as it waited. Warm-up first (not counted), then {@code measure}.
     *
     * <p>Not one connection per callback in flight: measured on two cores, a client that opens a new
     * connection whenever all are busy turned a short stall into 4,000 connections, spent a whole core on
     * them itself and starved the services it was measuring (BENCHMARKS.md, "1,000/s offered").
     */
    Outcome offered(double perSecond, int connections, Duration warmUp, Duration measure) throws InterruptedException {
        AnswerCounts counters = new AnswerCounts(acceptedTotal);
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS / 1000, 3);
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        BlockingQueue<Long> due = new LinkedBlockingQueue<>();
        // the slowest answer per second of the measured phase, to find a stall in other processes' logs
        AtomicLongArray slowest = new AtomicLongArray((int) measure.toSeconds() + 1);
        long measureFromMillis = System.currentTimeMillis() + warmUp.toMillis();
        AtomicBoolean pacing = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(connections, daemon("open-sender"));
        HttpClient client = client();
        for (int c = 0; c < connections; c++) {
            senders.execute(() -> {
                try {
                    while (pacing.get() || !due.isEmpty()) {
                        Long intended = due.poll(50, TimeUnit.MILLISECONDS);
                        if (intended != null) {
                            long micros = sendAt(client, intended, intended >= measureFrom, counters, recorder);
                            if (intended >= measureFrom) {
                                slowest.accumulateAndGet((int) ((intended - measureFrom) / 1_000_000_000L), micros, Math::max);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (long i = 0; ; i++) {
            long intended = start + i * intervalNanos;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            due.add(intended);
        }
        pacing.set(false);
        senders.shutdown();
        if (!senders.awaitTermination(90, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
        return counters.outcome(measure.toNanos() / 1e9, recorder.getIntervalHistogram(), slowSeconds(slowest, measureFromMillis));
    }

    /** "HH:mm:ss max ms" for each second of the phase in which some answer took over a second. */
    private static String slowSeconds(AtomicLongArray slowest, long fromMillis) {
        StringJoiner seconds = new StringJoiner(", ");
        for (int second = 0; second < slowest.length(); second++) {
            if (slowest.get(second) > 1_000_000) {
                seconds.add(CLOCK.format(Instant.ofEpochMilli(fromMillis + second * 1000L)) + " " + slowest.get(second) / 1000 + " ms");
            }
        }
        return seconds.toString();
    }

    /** Sends one callback meant for {@code intended}; its latency from then, in microseconds. */
    private long sendAt(HttpClient client, long intended, boolean measured, AnswerCounts counters, Recorder recorder) {
        HttpRequest request = signer.sign(messages.apply(sequence.getAndIncrement()));
        try {
            counters.count(client.send(request, HttpResponse.BodyHandlers.discarding()), null, measured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counters.count(null, e, measured);
        } catch (Exception e) {
            counters.count(null, e, measured);
        }
        long micros = Math.min(MAX_LATENCY_NANOS, System.nanoTime() - intended) / 1000;
        if (measured) {
            recorder.recordValue(micros);
        }
        return micros;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends exactly {@code count} callbacks from {@code connections} senders as fast as they are answered. */
    Outcome burst(long count, int connections) throws InterruptedException {
        AnswerCounts counters = new AnswerCounts(acceptedTotal);
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS / 1000, 3);
        AtomicLong left = new AtomicLong(count);
        ExecutorService senders = Executors.newFixedThreadPool(connections, daemon("burst-sender"));
        HttpClient client = client();
        long from = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            senders.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest request = signer.sign(messages.apply(sequence.getAndIncrement()));
                    long sentAt = System.nanoTime();
                    try {
                        counters.count(client.send(request, HttpResponse.BodyHandlers.discarding()), null, true);
                    } catch (Exception e) {
                        counters.count(null, e, true);
                    }
                    recorder.recordValue(Math.min(MAX_LATENCY_NANOS, System.nanoTime() - sentAt) / 1000);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        return counters.outcome((System.nanoTime() - from) / 1e9, recorder.getIntervalHistogram(), null);
    }

    /** Closed loop from {@code connections} senders: warm-up first (not counted), then {@code measure}. */
    Outcome closed(int connections, Duration warmUp, Duration measure) throws InterruptedException {
        AnswerCounts counters = new AnswerCounts(acceptedTotal);
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS / 1000, 3);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(connections, daemon("load-sender"));
        HttpClient client = client();
        for (int c = 0; c < connections; c++) {
            senders.execute(() -> {
                while (running.get()) {
                    HttpRequest request = signer.sign(messages.apply(sequence.getAndIncrement()));
                    boolean measured = measuring.get();
                    long sentAt = System.nanoTime();
                    HttpResponse<Void> response = null;
                    Throwable error = null;
                    try {
                        response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        error = e;
                    }
                    if (measured && measuring.get()) {
                        counters.count(response, error, true);
                        recorder.recordValue(Math.min(MAX_LATENCY_NANOS, System.nanoTime() - sentAt) / 1000);
                    } else {
                        counters.count(response, error, false);
                    }
                }
            });
        }
        TimeUnit.NANOSECONDS.sleep(warmUp.toNanos());
        recorder.reset();
        measuring.set(true);
        long from = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(measure.toNanos());
        measuring.set(false);
        double seconds = (System.nanoTime() - from) / 1e9;
        running.set(false);
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        return counters.outcome(seconds, recorder.getIntervalHistogram(), null);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

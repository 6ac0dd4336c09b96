package io.wecomsync.wx.reconcile;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a running run has done so far, counted by its reading threads and written to its record every
 * {@link #FLUSH_EVERY_NANOS} (which is also the run's heartbeat) and at every phase change.
 */
final class RunProgress {

    private static final long FLUSH_EVERY_NANOS = 2_000_000_000L;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunProgress.class);

    private final long started = System.nanoTime();
    private final long runId;
    private final Consumer<RunProgress> flush;
    private final AtomicLong lastFlush = new AtomicLong(System.nanoTime());
    private final AtomicInteger usersRead = new AtomicInteger();
    private final AtomicInteger departmentsRead = new AtomicInteger();
    private final AtomicInteger tagsRead = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private volatile RunPhase phase = RunPhase.STARTING;

    RunProgress(long runId, Consumer<RunProgress> flush) {
        this.runId = runId;
        this.flush = flush;
    }

    long runId() {
        return runId;
    }

    void phase(RunPhase next) {
        log.info("reconciliation run {}: {} after {} ms", runId, next, (System.nanoTime() - started) / 1_000_000);
        phase = next;
        lastFlush.set(System.nanoTime());
        flush.accept(this);
    }

    RunPhase phase() {
        return phase;
    }

    void userRead() {
        usersRead.incrementAndGet();
        tick();
    }

    void departmentRead() {
        departmentsRead.incrementAndGet();
        tick();
    }

    void tagRead() {
        tagsRead.incrementAndGet();
        tick();
    }

    /** A read that failed after its retries: the run is incomplete. */
    void failedRead() {
        failed.incrementAndGet();
    }

    /** An entry whose details WeCom refused: they stay unknown. */
    void unreadable() {
        unreadable.incrementAndGet();
    }

    void weComError(String code) {
        errors.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    }

    int usersRead() {
        return usersRead.get();
    }

    int departmentsRead() {
        return departmentsRead.get();
    }

    int tagsRead() {
        return tagsRead.get();
    }

    int failed() {
        return failed.get();
    }

    int unreadableCount() {
        return unreadable.get();
    }

    /** WeCom errors by code ({@code "unreachable"} when there was no answer), in code order. */
    Map<String, Integer> errors() {
        Map<String, Integer> copy = new TreeMap<>();
        errors.forEach((code, count) -> copy.put(code, count.get()));
        return copy;
    }

    private void tick() {
        long last = lastFlush.get();
        long now = System.nanoTime();
        if (now - last >= FLUSH_EVERY_NANOS && lastFlush.compareAndSet(last, now)) {
            flush.accept(this);
        }
    }
}

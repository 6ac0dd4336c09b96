package io.wecomsync.common.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The background threads of the polling loops (inbox worker, outbox relay): daemon, named, stopped in time. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A fixed pool of {@code threads} daemon threads named {@code prefix1}, {@code prefix2} … */
    public static ExecutorService pool(String prefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code loop} on a daemon thread of its own. */
    public static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Interrupts {@code thread} (if any) and waits up to {@code timeout} for it to end. */
    public static void stop(Thread thread, Duration timeout) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

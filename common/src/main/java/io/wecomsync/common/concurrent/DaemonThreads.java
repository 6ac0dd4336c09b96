package io.wecomsync.common.concurrent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The background threads of the polling loops (inbox worker, outbox relay): daemon, named, stopped in time. */
public final class DaemonThreads {

    private static final Logger log = LoggerFactory.getLogger(DaemonThreads.class);

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

    /**
     * Runs {@code tasks} on {@code pool} and waits for all of them. A task that throws is logged, the
     * others go on; an interrupt stops the waiting (the tasks still run).
     */
    public static void runAll(ExecutorService pool, List<? extends Runnable> tasks) {
        List<Future<?>> running = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            running.add(pool.submit(task));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.error("background task failed", e.getCause());
            }
        }
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

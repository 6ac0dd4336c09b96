package io.wecomsync.wx.inbox;

import io.wecomsync.common.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Applies inbox events in every instance. It claims a batch (never two events of one entity) only when
 * it can start it at once — a quarter of {@code concurrency} batches at a time — and applies what the
 * handler can apply together as one (many users in one mdm-service call and one transaction), the rest
 * one by one on {@code concurrency} threads. It renews the leases of what it is applying every third
 * of the lease and records each outcome under the claim it got, so a slow mdm-service or WeCom never
 * lets a second instance take an event that is still being applied. While a dependency is known to be
 * down, or while a burst of callbacks is being received ({@link InboxGate}), it claims nothing.
 */
@Component
public class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final InboxClaims claims;
    private final InboxRouter router;
    private final InboxSettings settings;
    private final InboxSignal signal;
    private final List<InboxGate> gates;
    private final EventTraces traces;
    private final String owner;
    /** Events this instance is applying right now, for the lease renewal. */
    private final ConcurrentHashMap<Long, Boolean> inFlight = new ConcurrentHashMap<>();
    private static final Duration RENEW_TICK = Duration.ofMillis(100);

    private volatile boolean running;
    private volatile long lastRenewal = System.nanoTime();
    private Thread poller;
    private ExecutorService appliers;
    private ExecutorService batchRunners;
    private ScheduledExecutorService renewer;

    InboxWorker(InboxClaims claims, InboxRouter router, InboxSettings settings, InboxSignal signal, List<InboxGate> gates,
                EventTraces traces) {
        this.claims = claims;
        this.router = router;
        this.settings = settings;
        this.signal = signal;
        this.gates = List.copyOf(gates);
        this.traces = traces;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        startRenewer();
    }

    /**
     * Claims up to a batch of events, applies them and waits for all; answers how many it took. What
     * tests drive directly; the running worker keeps several batches going at once.
     */
    public int runOnce() {
        List<InboxEvent> batch = claims.claim(owner, settings.current().batchSize());
        applyClaimed(batch);
        return batch.size();
    }

    /**
     * Applies a claimed batch: first what the handler applies together (e.g. many users' upserts in one
     * mdm-service call), then the rest one by one, concurrently.
     */
    private void applyClaimed(List<InboxEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        batch.forEach(event -> inFlight.put(event.id(), Boolean.TRUE));
        try {
            Map<Long, HandlerOutcome> together = router.handleTogether(batch);
            List<InboxEvent> rest = new ArrayList<>(batch.size());
            List<InboxClaims.Finished> applied = new ArrayList<>(together.size());
            for (InboxEvent event : batch) {
                HandlerOutcome outcome = together.get(event.id());
                if (outcome == null) {
                    rest.add(event);
                } else {
                    applied.add(new InboxClaims.Finished(event, outcome));
                }
            }
            try {
                claims.finishAll(applied, owner);
            } finally {
                applied.forEach(finished -> inFlight.remove(finished.event().id()));
            }
            if (rest.size() == 1) {
                apply(rest.get(0));
                return;
            }
            DaemonThreads.runAll(singles(), rest.stream().<Runnable>map(event -> () -> apply(event)).toList());
        } finally {
            batch.forEach(event -> inFlight.remove(event.id()));
        }
    }

    private void apply(InboxEvent event) {
        // finished inside the event's trace too: what follows from the outcome (a DEAD warning) logs under it
        traces.apply(event, () -> {
            HandlerOutcome outcome = router.handle(event);
            finish(event, outcome);
            return outcome;
        });
    }

    private void finish(InboxEvent event, HandlerOutcome outcome) {
        try {
            claims.finish(event, owner, outcome);
        } finally {
            inFlight.remove(event.id());
        }
    }

    private void loop() {
        // batches in flight at once; each may run its single events on the applying threads
        Semaphore slots = new Semaphore(Math.max(2, settings.current().concurrency() / 4));
        while (running) {
            try {
                Duration paused = pausedFor();
                if (!paused.isZero()) {
                    // not woken by new events: during a burst that is what the pause is for
                    Thread.sleep(paused.toMillis());
                    continue;
                }
                slots.acquire();
                List<InboxEvent> claimed;
                try {
                    claimed = claims.claim(owner, settings.current().batchSize());
                } catch (RuntimeException e) {
                    slots.release();
                    throw e;
                }
                if (claimed.isEmpty()) {
                    slots.release();
                    signal.await(settings.current().pollInterval());
                    continue;
                }
                batches().execute(() -> {
                    try {
                        applyClaimed(claimed);
                    } finally {
                        slots.release();
                        signal.wake();
                    }
                });
                if (claimed.size() < settings.current().batchSize()) {
                    // what was due fitted in one claim: let the next events gather instead of taking them one by one
                    linger();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be down: keep the worker alive and try again after the poll interval
                log.warn("inbox worker round failed: {}", e.getClass().getSimpleName());
                sleepQuietly();
            }
        }
    }

    /** How long to hold off claiming because a dependency every event needs is known to be down. */
    private Duration pausedFor() {
        Duration longest = Duration.ZERO;
        for (InboxGate gate : gates) {
            Duration pause = gate.pauseClaiming();
            if (pause.compareTo(longest) > 0) {
                longest = pause;
            }
        }
        Duration poll = settings.current().pollInterval();
        return longest.compareTo(poll) > 0 ? poll : longest;
    }

    private void renewLeases() {
        try {
            List<Long> holding = List.copyOf(inFlight.keySet());
            int held = claims.renew(owner, holding);
            // events finished meanwhile are no longer PROCESSING: only those still being applied count
            long applying = holding.stream().filter(inFlight::containsKey).count();
            if (held < applying) {
                log.warn("{} of {} events being applied had lost their lease before it was renewed", applying - held, applying);
            }
        } catch (RuntimeException e) {
            log.warn("renewing inbox leases failed: {}", e.getClass().getSimpleName());
        }
    }

    private void startRenewer() {
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "inbox-lease");
            thread.setDaemon(true);
            return thread;
        });
        // ticks often and renews every third of the lease in force, so a changed lease applies at once
        renewer.scheduleWithFixedDelay(this::renewWhenDue, RENEW_TICK.toMillis(), RENEW_TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renewWhenDue() {
        long now = System.nanoTime();
        if (inFlight.isEmpty()) {
            lastRenewal = now;
            return;
        }
        if (now - lastRenewal >= settings.current().lease().dividedBy(3).toNanos()) {
            lastRenewal = now;
            renewLeases();
        }
    }

    private void linger() throws InterruptedException {
        Duration linger = settings.current().linger();
        if (!linger.isZero()) {
            Thread.sleep(linger.toMillis());
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.current().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized ExecutorService singles() {
        if (appliers == null) {
            appliers = DaemonThreads.pool("inbox-apply-", settings.current().concurrency());
        }
        return appliers;
    }

    private synchronized ExecutorService batches() {
        if (batchRunners == null) {
            batchRunners = DaemonThreads.pool("inbox-batch-", Math.max(2, settings.current().concurrency() / 4));
        }
        return batchRunners;
    }

    @Override
    public void start() {
        if (!settings.current().workerEnabled() || running) {
            return;
        }
        running = true;
        poller = DaemonThreads.start("inbox-worker", this::loop);
        log.info("inbox worker {} started", owner);
    }

    @Override
    public void stop() {
        running = false;
        DaemonThreads.stop(poller, Duration.ofSeconds(10));
        synchronized (this) {
            if (batchRunners != null) {
                batchRunners.shutdown();
            }
            if (appliers != null) {
                appliers.shutdown();
            }
        }
        renewer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

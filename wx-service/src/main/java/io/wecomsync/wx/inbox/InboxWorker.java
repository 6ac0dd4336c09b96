package io.wecomsync.wx.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies inbox events in every instance: claims a batch of due entity heads, applies them
 * concurrently (never two of one entity), records each outcome, and repeats — at once while there is
 * work, otherwise after the poll interval or when a new event wakes it.
 */
@Component
public class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final Inbox inbox;
    private final InboxEventHandler handler;
    private final InboxSettings settings;
    private final InboxSignal signal;
    private final String owner;
    private volatile boolean running;
    private Thread poller;
    private ExecutorService appliers;

    InboxWorker(Inbox inbox, InboxEventHandler handler, InboxSettings settings, InboxSignal signal) {
        this.inbox = inbox;
        this.handler = handler;
        this.settings = settings;
        this.signal = signal;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Claims and applies one batch; answers how many events it took. Also what tests drive directly. */
    public int runOnce() {
        List<InboxEvent> batch = inbox.claim(owner, settings.current().batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<?>> work = new ArrayList<>(batch.size());
        for (InboxEvent event : batch) {
            work.add(executor().submit(() -> apply(event)));
        }
        for (Future<?> future : work) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.error("inbox worker task failed", e);
            }
        }
        return batch.size();
    }

    private void apply(InboxEvent event) {
        HandlerOutcome outcome;
        try {
            outcome = handler.handle(event);
        } catch (RuntimeException e) {
            log.warn("event {} ({} {}) failed: {}", event.id(), event.eventType(), event.changeType(), e.getClass().getSimpleName());
            outcome = new HandlerOutcome.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        inbox.finish(event, owner, outcome);
    }

    private void loop() {
        while (running) {
            try {
                int taken = runOnce();
                if (taken < settings.current().batchSize()) {
                    signal.await(settings.current().pollInterval());
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

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.current().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized ExecutorService executor() {
        if (appliers == null) {
            AtomicInteger n = new AtomicInteger();
            appliers = Executors.newFixedThreadPool(settings.current().concurrency(), r -> {
                Thread thread = new Thread(r, "inbox-apply-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return appliers;
    }

    @Override
    public void start() {
        if (!settings.current().workerEnabled() || running) {
            return;
        }
        running = true;
        poller = new Thread(this::loop, "inbox-worker");
        poller.setDaemon(true);
        poller.start();
        log.info("inbox worker {} started", owner);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (appliers != null) {
                appliers.shutdown();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

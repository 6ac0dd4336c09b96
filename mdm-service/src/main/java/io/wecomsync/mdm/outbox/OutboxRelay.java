package io.wecomsync.mdm.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.observation.ObservationRegistry;
import io.wecomsync.common.concurrent.DaemonThreads;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.common.tracing.StoredTrace;
import io.wecomsync.common.tracing.TraceParent;
import io.wecomsync.mdm.tx.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers recorded user changes to their targets. Each round claims due deliveries under a fresh
 * token (a lease far longer than one call's time-out), reads them and their users in one snapshot,
 * calls the targets (in parallel, each through its own circuit breaker), and records the outcomes with
 * their operation-log entries in one transaction ({@link OutboxOutcomes}) — all under the claim, so a
 * relay that lost it changes nothing. While a target's breaker is open its deliveries are handed back
 * untried.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMapper mapper;
    private final Map<String, OutboxTarget> targets = new LinkedHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
    private final OutboxUsers users;
    private final OutboxOutcomes outcomes;
    private final RetryingTransactions transaction;
    private final TransactionTemplate snapshot;
    private final ObjectMapper json;
    private final OutboxProperties properties;
    private final OutboxSignal signal;
    private final StoredTrace traces;
    private final Clock clock;
    private volatile boolean running;
    private Thread poller;
    private ExecutorService senders;

    OutboxRelay(OutboxMapper mapper, List<OutboxTarget> targets, OutboxUsers users, OutboxOutcomes outcomes,
                PlatformTransactionManager transactions, RetryingTransactions retrying, ObjectMapper json,
                OutboxProperties properties, OutboxSignal signal, ObjectProvider<ObservationRegistry> observations,
                Clock clock) {
        this.mapper = mapper;
        this.traces = new StoredTrace(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breaker().window())
                .minimumNumberOfCalls(properties.breaker().minimumCalls())
                .failureRateThreshold(properties.breaker().failureRate())
                .waitDurationInOpenState(properties.breaker().waitWhenOpen())
                .build();
        for (OutboxTarget target : targets) {
            this.targets.put(target.name(), target);
            this.breakers.put(target.name(), CircuitBreaker.of("outbox-" + target.name(), breakerConfig));
        }
        this.users = users;
        this.outcomes = outcomes;
        // claiming takes no gap locks (READ COMMITTED); a deadlock with a batch writing the same users' rows
        // in another order can still roll one back: it is run again, not left to the lease
        this.transaction = retrying;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
        this.properties = properties;
        this.signal = signal;
        this.clock = clock;
    }

    /** Claims up to a batch of due deliveries and makes them; answers how many it claimed. Tests drive this. */
    public int runOnce() {
        // a target whose breaker is open is not claimed for: its deliveries stay put instead of being
        // claimed and handed back round after round
        List<String> enabled = targets.values().stream().filter(OutboxTarget::enabled).map(OutboxTarget::name)
                .filter(this::mayCall).toList();
        if (enabled.isEmpty()) {
            return 0;
        }
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<Long> ids = transaction.executeReadCommitted(() -> {
            List<Long> due = mapper.lockDue(enabled, now, properties.batchSize());
            if (!due.isEmpty()) {
                mapper.lease(due, token, now.plus(properties.lease()));
            }
            return due;
        });
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        Snapshot state;
        try {
            state = snapshot.execute(status -> {
                List<OutboxEntity> rows = mapper.selectByIds(ids);
                return new Snapshot(rows, users.findAll(rows.stream().map(OutboxEntity::getUserId).distinct().toList()));
            });
        } catch (RuntimeException e) {
            Instant later = clock.instant().plus(properties.retry().initialDelay());
            ids.forEach(id -> mapper.release(id, token, later));
            throw e;
        }
        OutboxOutcomes.Attempt[] attempts = new OutboxOutcomes.Attempt[state.rows().size()];
        List<Runnable> deliveries = new ArrayList<>(attempts.length);
        for (int i = 0; i < attempts.length; i++) {
            int slot = i;
            OutboxEntity row = state.rows().get(i);
            deliveries.add(() -> attempts[slot] = deliver(row, state.users().get(row.getUserId()), token));
        }
        DaemonThreads.runAll(executor(), deliveries);
        outcomes.record(Arrays.stream(attempts).filter(Objects::nonNull).toList(), token);
        return ids.size();
    }

    /**
     * Whether {@code target}'s breaker lets calls through. Asking for a permission is what moves an open
     * breaker whose wait is over to half-open; the permission is handed back, each delivery asks its own.
     */
    private boolean mayCall(String target) {
        CircuitBreaker breaker = breakers.get(target);
        CircuitBreaker.State state = breaker.getState();
        if (state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN) {
            return true;
        }
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return true;
        }
        return false;
    }

    /** The breaker of a target, e.g. for metrics and tests. */
    public CircuitBreaker breaker(String target) {
        return breakers.get(target);
    }

    /** Makes one delivery, as read in the round's snapshot; null when it was handed back untried. */
    private OutboxOutcomes.Attempt deliver(OutboxEntity row, UserResponse user, String token) {
        OutboxTarget target = targets.get(row.getTarget());
        CircuitBreaker breaker = breakers.get(row.getTarget());
        if (user == null) {
            return new OutboxOutcomes.Attempt(row, null, new OutboxTarget.Delivery(false, null, "user " + row.getUserId() + " no longer exists"), true);
        }
        if (!breaker.tryAcquirePermission()) {
            mapper.release(row.getId(), token, clock.instant().plus(properties.retry().initialDelay()));
            return null;
        }
        OutboxPayload payload = OutboxPayload.of(row, row.getChangeSeq(), user);
        long started = System.nanoTime();
        // the call continues the trace of the change it delivers, so the target sees the WeCom event's trace id
        OutboxTarget.Delivery delivery = traces.resume("wecom.outbox.deliver", TraceParent.within(row.getTraceId()).orElse(null),
                Map.of("target", row.getTarget()), () -> target.deliver(payload.json(json), payload.idempotencyKey(target.name())));
        long took = System.nanoTime() - started;
        if (delivery.accepted() || delivery.refused()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(delivery.detail()));
        }
        if (!delivery.accepted()) {
            log.warn("{} delivery of user {} failed (HTTP {})", row.getTarget(), row.getUserId(), delivery.httpStatus());
        }
        return new OutboxOutcomes.Attempt(row, payload, delivery, false);
    }

    private void loop() {
        while (running) {
            try {
                int taken = runOnce();
                if (taken < properties.batchSize()) {
                    signal.await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay round failed: {}", e.getClass().getSimpleName());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private synchronized ExecutorService executor() {
        if (senders == null) {
            senders = DaemonThreads.pool("outbox-send-", properties.concurrency());
        }
        return senders;
    }

    @Override
    public void start() {
        if (!properties.relayEnabled() || running) {
            return;
        }
        running = true;
        poller = DaemonThreads.start("outbox-relay", this::loop);
    }

    @Override
    public void stop() {
        running = false;
        DaemonThreads.stop(poller, Duration.ofSeconds(10));
        synchronized (this) {
            if (senders != null) {
                senders.shutdown();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The claimed rows and their users as one snapshot: what is delivered is exactly the change each
     * row's sequence names.
     */
    private record Snapshot(List<OutboxEntity> rows, Map<String, UserResponse> users) {
    }
}

package io.wecomsync.wx.inbox;

import io.wecomsync.common.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stores events (one INSERT, deduplicated by content), hands due events to workers under a lease,
 * and records how applying them went.
 */
@Service
public class Inbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private static final int MAX_ERROR = 1000;

    private final InboxMapper mapper;
    private final InboxRowInserts inserts;
    private final PayloadCipher cipher;
    private final InboxSettings settings;
    private final InboxMetrics metrics;
    private final InboxSignal signal;
    private final IntakeFirst intake;
    private final TransactionTemplate claimTransaction;
    private final TransactionTemplate transaction;
    private final GroupCommit groupCommit;
    private final EventTraces traces;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    Inbox(InboxMapper mapper, InboxRowInserts inserts, PayloadCipher cipher, InboxSettings settings, InboxMetrics metrics,
          InboxSignal signal, IntakeFirst intake, PlatformTransactionManager transactions, EventTraces traces,
          ApplicationEventPublisher published, Clock clock) {
        this.mapper = mapper;
        this.inserts = inserts;
        this.cipher = cipher;
        this.settings = settings;
        this.metrics = metrics;
        this.signal = signal;
        this.intake = intake;
        this.claimTransaction = new TransactionTemplate(transactions);
        this.claimTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transaction = new TransactionTemplate(transactions);
        this.traces = traces;
        this.published = published;
        this.clock = clock;
        this.groupCommit = new GroupCommit(new GroupCommit.Writer() {
            @Override
            public void insertAll(List<InboxEventEntity> rows) {
                inserts.insertAll(rows, false);
            }

            @Override
            public boolean insertOne(InboxEventEntity row) {
                return insertRow(row) == StoreResult.STORED;
            }
        }, () -> {
            InboxProperties.GroupCommit current = settings.current().groupCommit();
            return new GroupCommit.Limits(current.maxBatch(), current.maxWait());
        }, settings.current().groupCommit().writers());
    }

    /**
     * Stores an event unless the same message is already stored, together with events stored at the
     * same time (group commit); returns once it is committed. Throws when the database cannot be reached.
     */
    public StoreResult store(InboundEvent event) {
        StoreResult result = groupCommit.store(row(event, clock.instant()));
        if (result == StoreResult.STORED) {
            intake.stored();
            signal.wake();
        }
        return result;
    }

    /**
     * Stores many events (a reconciliation's differences) in multi-row statements of {@code chunk} rows,
     * each chunk in its own transaction; an event already stored is skipped. Throws when the database
     * cannot be reached — chunks stored before that stay stored.
     */
    public void storeAll(List<InboundEvent> events, int chunk) {
        for (int from = 0; from < events.size(); from += chunk) {
            List<InboxEventEntity> rows = events.subList(from, Math.min(events.size(), from + chunk)).stream()
                    .map(event -> row(event, clock.instant())).toList();
            inserts.insertAll(rows, true);
            signal.wake();
        }
    }

    /**
     * A follow-up re-reads the current state when it runs (a CRM push sends the user as mdm-service
     * holds it then), so one already waiting for the same entity covers this one too: it is not stored
     * twice. In a burst of updates to the same users this halves the work; a follow-up already
     * running does not count, as it may have read the state before this change.
     */
    private void insertFollowUp(InboundEvent event) {
        if (mapper.hasWaiting(event.entityKey())) {
            metrics.coalesced(event);
            return;
        }
        insertRow(row(event, clock.instant()));
    }

    private StoreResult insertRow(InboxEventEntity row) {
        try {
            mapper.insert(row);
            return StoreResult.STORED;
        } catch (DuplicateKeyException e) {
            return StoreResult.DUPLICATE;
        }
    }

    private InboxEventEntity row(InboundEvent event, Instant now) {
        InboxEventEntity row = new InboxEventEntity();
        row.setCorpId(event.corpId());
        row.setAgentId(event.agentId());
        row.setSource(event.source().name());
        row.setDedupeKey(dedupeKey(event.corpId(), event.payload()));
        row.setEventType(event.eventType());
        row.setChangeType(event.changeType());
        row.setEntityKey(event.entityKey());
        row.setAltEntityKey(event.altEntityKey());
        row.setEventTime(event.eventTime());
        row.setPayload(cipher.seal(event.payload()));
        row.setStatus(EventStatus.PENDING.name());
        row.setAttempts(0);
        row.setNextAttemptAt(now);
        row.setReceivedAt(now);
        row.setUpdatedAt(now);
        row.setTraceParent(traces.current().map(TraceParent::toString).orElse(null));
        return row;
    }

    /**
     * Claims up to {@code limit} due events, at most one per entity, for {@code owner}. Each is decoded
     * on its own: one whose stored message cannot be decrypted (a key removed too early, a damaged row)
     * is DEAD at once with its reason, and the others go on.
     */
    List<InboxEvent> claim(String owner, int limit) {
        Instant now = clock.instant();
        List<Long> claimed = claimTransaction.execute(status -> {
            List<Long> heads = mapper.findClaimableHeads(now, limit);
            if (heads.isEmpty()) {
                return List.<Long>of();
            }
            List<Long> locked = mapper.lockClaimable(heads, now);
            if (!locked.isEmpty()) {
                mapper.markClaimed(locked, owner, now.plus(settings.current().lease()), now);
            }
            return locked;
        });
        if (claimed == null || claimed.isEmpty()) {
            return List.of();
        }
        List<InboxEvent> events = new ArrayList<>(claimed.size());
        for (InboxEventEntity row : mapper.selectByIds(claimed)) {
            String payload;
            try {
                payload = cipher.open(row.getPayload());
            } catch (RuntimeException e) {
                finish(toEvent(row, null), owner, new HandlerOutcome.Dead("stored message cannot be decrypted ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
                continue;
            }
            events.add(toEvent(row, payload));
        }
        return events;
    }

    /**
     * Extends the leases {@code owner} holds on {@code events} while it is still applying them; answers
     * how many it still held (fewer means a lease ran out first and the event may be applied elsewhere).
     */
    int renew(String owner, List<Long> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return mapper.renew(events, owner, now.plus(settings.current().lease()), now);
    }

    /**
     * Records the outcome of an event under the claim it was handed out with. A lost claim (the lease ran
     * out and the event was claimed again) changes nothing: its follow-ups are not stored either.
     */
    void finish(InboxEvent event, String owner, HandlerOutcome outcome) {
        finishAll(List.of(new Finished(event, outcome)), owner);
    }

    /** Records several outcomes as {@link #finish} does, in one transaction (one commit for a whole batch). */
    void finishAll(List<Finished> outcomes, String owner) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Resolution> resolutions = outcomes.stream().map(f -> resolve(f.event(), f.outcome(), now)).toList();
        boolean[] finished = new boolean[outcomes.size()];
        transaction.executeWithoutResult(status -> {
            // the common case, applied with nothing to note or follow: two statements for all of them
            List<InboxEvent> plain = new ArrayList<>();
            for (Finished f : outcomes) {
                if (isPlainDone(f.outcome())) {
                    plain.add(f.event());
                }
            }
            Set<Long> held = plain.isEmpty() ? Set.of() : new HashSet<>(mapper.lockHeld(plain, owner));
            if (!held.isEmpty()) {
                mapper.doneAll(List.copyOf(held), now);
            }
            for (int i = 0; i < outcomes.size(); i++) {
                InboxEvent event = outcomes.get(i).event();
                HandlerOutcome outcome = outcomes.get(i).outcome();
                if (isPlainDone(outcome)) {
                    finished[i] = held.contains(event.id());
                    continue;
                }
                Resolution resolution = resolutions.get(i);
                int waited = outcome instanceof HandlerOutcome.Wait ? 1 : 0;
                finished[i] = mapper.finish(event.id(), owner, event.leaseVersion(), resolution.status().name(),
                        resolution.nextAttemptAt(), trim(resolution.note()), waited,
                        resolution.status() == EventStatus.FAILED ? null : now, now) == 1;
                if (finished[i] && outcome instanceof HandlerOutcome.Done done) {
                    done.followUps().forEach(this::insertFollowUp);
                }
            }
        });
        boolean followUps = false;
        for (int i = 0; i < outcomes.size(); i++) {
            InboxEvent event = outcomes.get(i).event();
            HandlerOutcome outcome = outcomes.get(i).outcome();
            if (!finished[i]) {
                metrics.claimLost(event);
                continue;
            }
            switch (resolutions.get(i).status()) {
                case DONE -> {
                    metrics.applied(event, Duration.between(event.receivedAt(), now));
                    followUps |= !((HandlerOutcome.Done) outcome).followUps().isEmpty();
                }
                case FAILED -> {
                    if (outcome instanceof HandlerOutcome.Wait) {
                        metrics.waited(event);
                    } else {
                        metrics.retried(event);
                    }
                }
                case DEAD -> {
                    metrics.dead(event);
                    // ids only: the reason may quote what mdm-service refused
                    log.warn("event {} ({} {}) is DEAD; GET /admin/inbox/events/{} shows why", event.id(),
                            event.changeType() != null ? event.changeType() : event.eventType(), event.entityKey(), event.id());
                    published.publishEvent(new EventWentDead(event));
                }
                default -> {
                    // IGNORED needs no meter of its own: it shows in the counts by status
                }
            }
        }
        if (followUps) {
            signal.wake();
        }
    }

    private static boolean isPlainDone(HandlerOutcome outcome) {
        return outcome instanceof HandlerOutcome.Done done && done.followUps().isEmpty() && done.note() == null;
    }

    /** An event and how applying it went. */
    record Finished(InboxEvent event, HandlerOutcome outcome) {
    }

    private Resolution resolve(InboxEvent event, HandlerOutcome outcome, Instant now) {
        if (outcome instanceof HandlerOutcome.Done done) {
            return new Resolution(EventStatus.DONE, now, done.note());
        }
        if (outcome instanceof HandlerOutcome.Ignored ignored) {
            return new Resolution(EventStatus.IGNORED, now, ignored.reason());
        }
        if (outcome instanceof HandlerOutcome.Dead dead) {
            return new Resolution(EventStatus.DEAD, now, dead.error());
        }
        InboxProperties.Retry retry = settings.current().retry();
        boolean tooOld = Duration.between(event.receivedAt(), now).compareTo(retry.maxAge()) > 0;
        if (outcome instanceof HandlerOutcome.Wait wait) {
            if (tooOld) {
                return new Resolution(EventStatus.DEAD, now, "not applied within " + retry.maxAge() + ": " + wait.error());
            }
            Duration delay = Backoff.after(event.waits() + 1, retry.forWaiting(), ThreadLocalRandom.current()::nextDouble);
            return new Resolution(EventStatus.FAILED, now.plus(delay), "waiting: " + wait.error());
        }
        HandlerOutcome.Retry failed = (HandlerOutcome.Retry) outcome;
        if (event.attempt() >= retry.maxAttempts()) {
            return new Resolution(EventStatus.DEAD, now, "gave up after " + event.attempt() + " attempts: " + failed.error());
        }
        if (tooOld) {
            return new Resolution(EventStatus.DEAD, now, "not applied within " + retry.maxAge() + ": " + failed.error());
        }
        Duration delay = Backoff.after(event.attempt(), retry, ThreadLocalRandom.current()::nextDouble);
        return new Resolution(EventStatus.FAILED, now.plus(delay), failed.error());
    }

    /** The status an outcome leads to, when the event is next due, and what to note on it. */
    private record Resolution(EventStatus status, Instant nextAttemptAt, String note) {
    }

    private static InboxEvent toEvent(InboxEventEntity row, String payload) {
        return new InboxEvent(row.getId(), row.getCorpId(), row.getAgentId(),
                InboundEvent.EventSource.valueOf(row.getSource()), row.getEventType(), row.getChangeType(),
                row.getEntityKey(), row.getEventTime(), payload, row.getAttempts(), row.getWaits(),
                row.getReceivedAt(), row.getLeaseVersion(), TraceParent.parse(row.getTraceParent()).orElse(null));
    }

    static String dedupeKey(String corpId, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(corpId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    /** Stores what is queued, then stops the group commit's writers. */
    @Override
    public void close() {
        groupCommit.close();
    }

    /** Whether {@link #store} kept the event or already had it. */
    public enum StoreResult {
        STORED,
        DUPLICATE
    }
}

package io.wecomsync.wx.inbox;

import io.wecomsync.common.text.Excerpt;
import io.wecomsync.common.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands due events to workers under a lease, at most one per entity, renews the leases of what they
 * are applying, and records how applying went — under the claim each event was handed out with, so a
 * claim that was taken over changes nothing.
 */
@Component
class InboxClaims {

    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);

    private static final int MAX_ERROR = 1000;

    private final InboxMapper mapper;
    private final Inbox inbox;
    private final PayloadCipher cipher;
    private final InboxSettings settings;
    private final InboxMetrics metrics;
    private final InboxSignal signal;
    private final TransactionTemplate claimTransaction;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    InboxClaims(InboxMapper mapper, Inbox inbox, PayloadCipher cipher, InboxSettings settings, InboxMetrics metrics,
                InboxSignal signal, PlatformTransactionManager transactions, ApplicationEventPublisher published, Clock clock) {
        this.mapper = mapper;
        this.inbox = inbox;
        this.cipher = cipher;
        this.settings = settings;
        this.metrics = metrics;
        this.signal = signal;
        this.claimTransaction = new TransactionTemplate(transactions);
        this.claimTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transaction = new TransactionTemplate(transactions);
        this.published = published;
        this.clock = clock;
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
        InboxProperties.Retry retry = settings.current().retry();
        List<Resolution> resolutions = outcomes.stream().map(f -> Resolution.of(f.event(), f.outcome(), retry, now,
                ThreadLocalRandom.current()::nextDouble)).toList();
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
                        resolution.nextAttemptAt(), Excerpt.of(resolution.note(), MAX_ERROR), waited,
                        resolution.status() == EventStatus.FAILED ? null : now, now) == 1;
                if (finished[i] && outcome instanceof HandlerOutcome.Done done) {
                    done.followUps().forEach(inbox::storeFollowUp);
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

    private static InboxEvent toEvent(InboxEventEntity row, String payload) {
        return new InboxEvent(row.getId(), row.getCorpId(), row.getAgentId(),
                InboundEvent.EventSource.valueOf(row.getSource()), row.getEventType(), row.getChangeType(),
                row.getEntityKey(), row.getEventTime(), payload, row.getAttempts(), row.getWaits(),
                row.getReceivedAt(), row.getLeaseVersion(), TraceParent.parse(row.getTraceParent()).orElse(null));
    }
}

package io.wecomsync.wx.inbox;

import io.wecomsync.common.tracing.TraceParent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Stores events (group-committed, deduplicated by content) for the workers, which take them through
 * {@link InboxClaims}.
 */
@Service
public class Inbox implements AutoCloseable {

    private final InboxMapper mapper;
    private final InboxRowInserts inserts;
    private final PayloadCipher cipher;
    private final InboxMetrics metrics;
    private final InboxSignal signal;
    private final IntakeFirst intake;
    private final GroupCommit groupCommit;
    private final EventTraces traces;
    private final Clock clock;

    Inbox(InboxMapper mapper, InboxRowInserts inserts, PayloadCipher cipher, InboxSettings settings, InboxMetrics metrics,
          InboxSignal signal, IntakeFirst intake, EventTraces traces, Clock clock) {
        this.mapper = mapper;
        this.inserts = inserts;
        this.cipher = cipher;
        this.metrics = metrics;
        this.signal = signal;
        this.intake = intake;
        this.traces = traces;
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
     * Stores an event unless the same message is already stored. Called in a transaction (a run's end and
     * its report, an operator's decision and its report), the event is stored in that transaction: it
     * commits or rolls back with what it reports. Otherwise (a callback) it is stored together with events
     * stored at the same time (group commit, the writers' own transactions) and this returns once it is
     * committed. Throws when the database cannot be reached.
     */
    public StoreResult store(InboundEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            StoreResult stored = insertRow(row(event, clock.instant()));
            if (stored == StoreResult.STORED) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        signal.wake();
                    }
                });
            }
            return stored;
        }
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
     * running does not count, as it may have read the state before this change. Stored in the caller's
     * transaction: the one that marks the event it follows DONE ({@link InboxClaims}).
     */
    void storeFollowUp(InboundEvent event) {
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

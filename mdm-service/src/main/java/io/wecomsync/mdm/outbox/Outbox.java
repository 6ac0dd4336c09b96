package io.wecomsync.mdm.outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;

/**
 * Records, inside a user write's transaction, that every enabled target must be told about the change.
 * Because the record commits or rolls back with the change, a repeated or retried write cannot lose a
 * delivery (the first commit recorded it) nor add one (a repeat that changes nothing records nothing).
 */
@Service
public class Outbox {

    private final OutboxMapper mapper;
    private final List<OutboxTarget> targets;
    private final OutboxSignal signal;
    private final Clock clock;

    Outbox(OutboxMapper mapper, List<OutboxTarget> targets, OutboxSignal signal, Clock clock) {
        this.mapper = mapper;
        this.targets = List.copyOf(targets);
        this.signal = signal;
        this.clock = clock;
    }

    /**
     * @param previousWxUserId for a rename, the wxUserId before it; otherwise null
     * @param traceId          the trace the change was made under, carried into its delivery; may be null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void userChanged(String userId, String corpId, UserChange change, String previousWxUserId, String traceId) {
        usersChanged(List.of(new Changed(userId, corpId, change, previousWxUserId, traceId)));
    }

    /** Several users' changes, recorded in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void usersChanged(List<Changed> changes) {
        List<String> enabled = targets.stream().filter(OutboxTarget::enabled).map(OutboxTarget::name).toList();
        if (enabled.isEmpty() || changes.isEmpty()) {
            return;
        }
        mapper.record(enabled, changes, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
    }

    /**
     * A committed change of one user.
     *
     * @param previousWxUserId for a rename, the wxUserId before it; otherwise null
     * @param traceId          the trace it was made under (W3C trace id), or null
     */
    public record Changed(String userId, String corpId, UserChange change, String previousWxUserId, String traceId) {
    }
}

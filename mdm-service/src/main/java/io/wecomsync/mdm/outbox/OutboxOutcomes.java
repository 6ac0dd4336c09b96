package io.wecomsync.mdm.outbox;

import io.wecomsync.common.text.Excerpt;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.mdm.tx.RetryingTransactions;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a relay round's deliveries come to: accepted is DELIVERED (due again at once when the user changed
 * meanwhile); a refusal counts toward DEAD (after {@code retry.maxAttempts}), an unreachable or failing
 * target is waited for without counting, a user that no longer exists is DEAD at once. Recorded under the
 * round's claim, with the operation-log entries.
 */
@Component
class OutboxOutcomes {

    private static final int MAX_ERROR = 500;

    private final OutboxMapper mapper;
    private final OperationLog operationLog;
    private final RetryingTransactions transaction;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final Clock clock;

    OutboxOutcomes(OutboxMapper mapper, OperationLog operationLog, RetryingTransactions transaction,
                   OutboxProperties properties, OutboxMetrics metrics, Clock clock) {
        this.mapper = mapper;
        this.operationLog = operationLog;
        this.transaction = transaction;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records a round's outcomes in one transaction, each only under the claim, with its operation-log entry. */
    void record(List<Attempt> attempts, String token) {
        if (attempts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // no gap locks (READ COMMITTED); a deadlock with a batch writing the same users' rows in another order
        // can still roll this back: it is run again, not left to the lease, so results count once committed
        List<Recorded> recorded = transaction.executeReadCommitted(() -> {
            List<OperLogEntry> entries = new ArrayList<>(attempts.size());
            List<Recorded> results = new ArrayList<>(attempts.size());
            // always in id order, so two rounds never lock each other's rows the other way round
            for (Attempt attempt : attempts.stream().sorted(Comparator.comparing(a -> a.row().getId())).toList()) {
                OutboxEntity row = attempt.row();
                OutboxTarget.Delivery delivery = attempt.delivery();
                String result;
                int changed;
                if (delivery.accepted()) {
                    result = "SUCCESS";
                    changed = mapper.delivered(row.getId(), token, attempt.payload().sequence(), attempt.payload().wxUserId(),
                            delivery.httpStatus(), now);
                } else {
                    int failures = row.getAttempts() + 1;
                    boolean dead = attempt.gone() || (delivery.refused() && failures >= properties.retry().maxAttempts());
                    result = dead ? "DEAD" : "FAILED";
                    int counted = delivery.refused() ? 1 : 0;
                    Instant next = now.plus(properties.retry().after(delivery.refused() ? failures : row.getWaits() + 1));
                    changed = mapper.failed(row.getId(), token, dead ? "DEAD" : "PENDING", counted, next,
                            Excerpt.of(delivery.detail(), MAX_ERROR), delivery.httpStatus(), now);
                }
                if (changed == 1) {
                    results.add(new Recorded(row.getTarget(), result));
                    entries.add(new OperLogEntry(row.getCorpId(), OperAction.CRM_PUSH, row.getUserId(), result, null,
                            null, RequestSource.SYSTEM.withTrace(row.getTraceId()), describe(row, attempt.payload(), delivery)));
                }
            }
            operationLog.recordAll(entries);
            return results;
        });
        recorded.forEach(done -> metrics.delivered(done.target(), done.result()));
    }

    /** A delivery's result as recorded under its claim. */
    private record Recorded(String target, String result) {
    }

    private static String describe(OutboxEntity row, OutboxPayload payload, OutboxTarget.Delivery delivery) {
        StringBuilder text = new StringBuilder(row.getTarget()).append(' ');
        if (payload != null) {
            text.append(payload.change()).append(" #").append(payload.sequence()).append(", key ")
                    .append(payload.idempotencyKey(row.getTarget()), 0, 16);
        }
        if (delivery.httpStatus() != null) {
            text.append(", HTTP ").append(delivery.httpStatus());
        }
        if (!delivery.accepted() && delivery.detail() != null) {
            text.append(": ").append(delivery.detail());
        }
        return Excerpt.of(text.toString(), MAX_ERROR);
    }

    /** One delivery made; {@code gone}: its user no longer exists. */
    record Attempt(OutboxEntity row, OutboxPayload payload, OutboxTarget.Delivery delivery, boolean gone) {
    }
}

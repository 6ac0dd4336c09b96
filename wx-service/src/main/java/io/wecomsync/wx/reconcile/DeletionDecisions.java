package io.wecomsync.wx.reconcile;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.wx.inbox.Inbox;
import io.wecomsync.wx.notify.AdminNotices;
import io.wecomsync.wx.notify.NoticeKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator's decision on the deletions a run holds (more than the deletion guard lets a run store by
 * itself): confirmed, they are stored as inbox events; rejected, they are dropped. Either way once: the
 * decision and what it stores commit together, and a run decided meanwhile answers 409.
 */
@Service
class DeletionDecisions {

    private final ReconcileRuns runs;
    private final Inbox inbox;
    private final ReconcileSettings settings;
    private final ReconcileMetrics metrics;
    private final AdminNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeletionDecisions(ReconcileRuns runs, Inbox inbox, ReconcileSettings settings, ReconcileMetrics metrics,
                      AdminNotices notices, PlatformTransactionManager transactions, Clock clock) {
        this.runs = runs;
        this.inbox = inbox;
        this.settings = settings;
        this.metrics = metrics;
        this.notices = notices;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Stores the deletions a run holds, after an operator confirmed them. */
    ReconcileRunView confirm(long runId, String operator) {
        ReconcileRunEntity run = awaiting(runId, "confirmed");
        ReconcileEvents events = new ReconcileEvents(run.getCorpId(), runId, run.getStartedAt());
        List<ReconcilePlan.Deletion> deletions = new ArrayList<>();
        for (ReconcilePlan.Kind kind : ReconcilePlan.Kind.values()) {
            runs.heldDeletions(runId, kind).forEach(id -> deletions.add(new ReconcilePlan.Deletion(kind, id)));
        }
        boolean decided = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!runs.decide(runId, RunStatus.CONFIRMED, deletions.size(), "deletions confirmed by " + operator)) {
                return false;
            }
            inbox.storeAll(events.deletions(deletions), settings.current().chunkSize());
            inbox.store(ReconcileReportHandler.event(run.getCorpId(), runId, RunStatus.CONFIRMED, clock.instant()));
            return true;
        }));
        return decided(run, decided, RunStatus.CONFIRMED, deletions.size());
    }

    /** Drops the deletions a run holds. */
    ReconcileRunView reject(long runId, String operator) {
        ReconcileRunEntity run = awaiting(runId, "rejected");
        boolean decided = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!runs.decide(runId, RunStatus.REJECTED, 0, "deletions rejected by " + operator)) {
                return false;
            }
            inbox.store(ReconcileReportHandler.event(run.getCorpId(), runId, RunStatus.REJECTED, clock.instant()));
            return true;
        }));
        return decided(run, decided, RunStatus.REJECTED, 0);
    }

    private ReconcileRunEntity awaiting(long runId, String what) {
        ReconcileRunEntity run = runs.find(runId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no reconciliation run " + runId));
        if (!RunStatus.AWAITING_CONFIRMATION.name().equals(run.getStatus())) {
            throw new ApiException(ErrorCode.CONFLICT, "run " + runId + " is " + run.getStatus()
                    + (run.getMessage() == null ? "" : " (" + run.getMessage() + ")")
                    + "; only a run AWAITING_CONFIRMATION can be " + what);
        }
        return run;
    }

    private ReconcileRunView decided(ReconcileRunEntity run, boolean decided, RunStatus status, int deleted) {
        if (!decided) {
            throw new ApiException(ErrorCode.CONFLICT, "run " + run.getId() + " was decided meanwhile");
        }
        notices.resolve(NoticeKind.DELETIONS_AWAITING_CONFIRMATION, run.getCorpId() + ":" + run.getId());
        metrics.ended(run.getCorpId(), run.getTriggerType(), status);
        metrics.changes(run.getCorpId(), "delete", deleted);
        return runs.view(run.getId()).orElseThrow();
    }
}

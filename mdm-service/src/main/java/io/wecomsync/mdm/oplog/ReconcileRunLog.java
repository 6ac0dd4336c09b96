package io.wecomsync.mdm.oplog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.wecomsync.common.mdm.ReconcileRunReport;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * One operation-log entry per reconciliation run and outcome. wx-service sends its reports through its
 * inbox, so a report may arrive twice; the second is recognized by its source event id and dropped.
 */
@Service
class ReconcileRunLog {

    private final OperationLog operationLog;
    private final OperLogMapper entries;

    ReconcileRunLog(OperationLog operationLog, OperLogMapper entries) {
        this.operationLog = operationLog;
        this.entries = entries;
    }

    @Transactional
    public void record(ReconcileRunReport report, RequestSource source) {
        String eventId = "reconcile-run-" + report.runId() + ":" + report.status();
        boolean known = entries.exists(new LambdaQueryWrapper<OperLogEntity>()
                .eq(OperLogEntity::getAction, OperAction.RECONCILE_RUN.name())
                .eq(OperLogEntity::getSourceEventId, eventId));
        if (known) {
            return;
        }
        operationLog.record(new OperLogEntry(report.corpId(), OperAction.RECONCILE_RUN, "run-" + report.runId(),
                report.status(), List.of(), eventId, source, summary(report)));
    }

    private static String summary(ReconcileRunReport r) {
        String counts = "trigger=" + r.trigger() + (r.dryRun() ? " (dry run)" : "")
                + " created=" + r.created() + " updated=" + r.updated() + " deleted=" + r.deleted()
                + " unchanged=" + r.unchanged() + " failed=" + r.failed() + " unreadable=" + r.unreadable();
        return r.message() == null || r.message().isBlank() ? counts : counts + "; " + r.message();
    }
}

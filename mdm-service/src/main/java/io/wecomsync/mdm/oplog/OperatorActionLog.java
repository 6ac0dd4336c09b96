package io.wecomsync.mdm.oplog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.wecomsync.common.mdm.OperatorActionReport;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * One operation-log entry per operator action wx-service reports, with the operator's id and the time the
 * operator acted (not when the report arrived: it travels through wx-service's inbox and may wait out an
 * outage). One may arrive twice; the second is recognized by its action id and dropped.
 */
@Service
class OperatorActionLog {

    private final OperationLog operationLog;
    private final OperLogMapper entries;

    OperatorActionLog(OperationLog operationLog, OperLogMapper entries) {
        this.operationLog = operationLog;
        this.entries = entries;
    }

    @Transactional
    public void record(OperatorActionReport report, RequestSource source) {
        OperAction action = OperAction.valueOf(report.action().name());
        boolean known = entries.exists(new LambdaQueryWrapper<OperLogEntity>()
                .eq(OperLogEntity::getAction, action.name())
                .eq(OperLogEntity::getSourceEventId, report.actionId()));
        if (!known) {
            operationLog.record(new OperLogEntry(report.corpId(), action, report.targetId(), "DONE", List.of(),
                    report.actionId(), source, report.detail(), report.operator(), report.at()));
        }
    }
}

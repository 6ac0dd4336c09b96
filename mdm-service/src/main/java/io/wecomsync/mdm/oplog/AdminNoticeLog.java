package io.wecomsync.mdm.oplog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.wecomsync.common.mdm.AdminNoticeReport;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * One operation-log entry per message wx-service sent to the WeCom admins. Reports travel through
 * wx-service's inbox, so one may arrive twice; the second is recognized by its notice id and dropped.
 */
@Service
class AdminNoticeLog {

    private final OperationLog operationLog;
    private final OperLogMapper entries;

    AdminNoticeLog(OperationLog operationLog, OperLogMapper entries) {
        this.operationLog = operationLog;
        this.entries = entries;
    }

    @Transactional
    public void record(AdminNoticeReport report, RequestSource source) {
        boolean known = entries.exists(new LambdaQueryWrapper<OperLogEntity>()
                .eq(OperLogEntity::getAction, OperAction.ADMIN_NOTICE.name())
                .eq(OperLogEntity::getSourceEventId, report.noticeId()));
        if (known) {
            return;
        }
        String message = "to " + report.recipients() + " about " + String.join(", ", report.conditions())
                + (report.detail() == null || report.detail().isBlank() ? "" : "; " + report.detail());
        operationLog.record(new OperLogEntry(report.corpId(), OperAction.ADMIN_NOTICE, report.corpId(), report.result(),
                List.of(), report.noticeId(), source, message));
    }
}

package io.wecomsync.mdm.oplog;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.AdminNoticeReport;
import io.wecomsync.common.mdm.NoticeLogApi;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminNoticeController implements NoticeLogApi {

    private final AdminNoticeLog log;
    private final HttpServletRequest request;

    AdminNoticeController(AdminNoticeLog log, HttpServletRequest request) {
        this.log = log;
        this.request = request;
    }

    @Override
    public Result<Void> recordAdminNotice(AdminNoticeReport report) {
        log.record(report, RequestSource.of(request));
        return Result.ok(null);
    }
}

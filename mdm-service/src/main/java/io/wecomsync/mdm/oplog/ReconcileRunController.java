package io.wecomsync.mdm.oplog;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.ReconcileLogApi;
import io.wecomsync.common.mdm.ReconcileRunReport;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReconcileRunController implements ReconcileLogApi {

    private final ReconcileRunLog log;
    private final HttpServletRequest request;

    ReconcileRunController(ReconcileRunLog log, HttpServletRequest request) {
        this.log = log;
        this.request = request;
    }

    @Override
    public Result<Void> recordReconcileRun(ReconcileRunReport report) {
        log.record(report, RequestSource.of(request));
        return Result.ok(null);
    }
}

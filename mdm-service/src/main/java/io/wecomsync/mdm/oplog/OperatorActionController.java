package io.wecomsync.mdm.oplog;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.OperatorActionReport;
import io.wecomsync.common.mdm.OperatorLogApi;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OperatorActionController implements OperatorLogApi {

    private final OperatorActionLog log;
    private final HttpServletRequest request;

    OperatorActionController(OperatorActionLog log, HttpServletRequest request) {
        this.log = log;
        this.request = request;
    }

    @Override
    public Result<Void> recordOperatorAction(OperatorActionReport report) {
        log.record(report, RequestSource.of(request));
        return Result.ok(null);
    }
}

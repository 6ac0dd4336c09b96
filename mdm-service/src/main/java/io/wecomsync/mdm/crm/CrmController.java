package io.wecomsync.mdm.crm;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.CrmApi;
import io.wecomsync.common.mdm.CrmSyncResponse;
import io.wecomsync.mdm.web.PathIds;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CrmController implements CrmApi {

    private final CrmPush push;
    private final HttpServletRequest request;

    CrmController(CrmPush push, HttpServletRequest request) {
        this.push = push;
        this.request = request;
    }

    @Override
    public Result<CrmSyncResponse> pushUserToCrm(String userId) {
        return Result.ok(push.push(PathIds.userId(userId), RequestSource.of(request)));
    }
}

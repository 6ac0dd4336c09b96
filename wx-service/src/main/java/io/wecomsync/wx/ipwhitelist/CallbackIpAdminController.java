package io.wecomsync.wx.ipwhitelist;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.OperatorAction;
import io.wecomsync.wx.audit.OperatorActions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** Runs the callback IP refresh on demand (admin scope), answering what it did; the operation log names who asked. */
@RestController
class CallbackIpAdminController {

    private final CallbackIpRefresh refresh;
    private final OperatorActions actions;

    CallbackIpAdminController(CallbackIpRefresh refresh, OperatorActions actions) {
        this.refresh = refresh;
        this.actions = actions;
    }

    @PostMapping("/admin/jobs/callback-ip/run")
    Result<CallbackIpRefresh.Outcome> run(Principal operator) {
        CallbackIpRefresh.Outcome outcome = refresh.run();
        actions.record(operator, OperatorAction.CALLBACK_IP_REFRESH, null, "QYWX", outcome.summary());
        return Result.ok(outcome);
    }
}

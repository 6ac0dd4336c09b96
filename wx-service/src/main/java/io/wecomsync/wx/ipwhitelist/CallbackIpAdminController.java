package io.wecomsync.wx.ipwhitelist;

import io.wecomsync.common.api.Result;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the callback IP refresh on demand (admin scope), answering what it did. */
@RestController
class CallbackIpAdminController {

    private final CallbackIpRefresh refresh;

    CallbackIpAdminController(CallbackIpRefresh refresh) {
        this.refresh = refresh;
    }

    @PostMapping("/admin/jobs/callback-ip/run")
    Result<CallbackIpRefresh.Outcome> run() {
        return Result.ok(refresh.run());
    }
}

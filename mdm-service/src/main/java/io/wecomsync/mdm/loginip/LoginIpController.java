package io.wecomsync.mdm.loginip;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.LoginIpApi;
import io.wecomsync.common.mdm.LoginIpRefreshFailure;
import io.wecomsync.common.mdm.LoginIpReplaceRequest;
import io.wecomsync.common.mdm.LoginIpSetResponse;
import io.wecomsync.mdm.web.PathIds;
import io.wecomsync.mdm.web.RequestSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginIpController implements LoginIpApi {

    private final LoginIpWhitelist whitelist;
    private final HttpServletRequest request;

    LoginIpController(LoginIpWhitelist whitelist, HttpServletRequest request) {
        this.whitelist = whitelist;
        this.request = request;
    }

    @Override
    public Result<LoginIpSetResponse> replaceLoginIps(String type, LoginIpReplaceRequest body) {
        return Result.ok(whitelist.replace(PathIds.loginIpType(type), body, RequestSource.of(request)));
    }

    @Override
    public Result<LoginIpSetResponse> getLoginIps(String type) {
        return Result.ok(whitelist.get(PathIds.loginIpType(type)));
    }

    @Override
    public Result<Void> reportRefreshFailure(String type, LoginIpRefreshFailure failure) {
        whitelist.recordRefreshFailure(PathIds.loginIpType(type), failure, RequestSource.of(request));
        return Result.ok(null);
    }
}

package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The login-IP whitelist, one set per type (e.g. {@code QYWX}: WeCom's callback IPs). Part of {@link MdmApi}. */
public interface LoginIpApi {

    /** Replaces the whole set of one type (e.g. {@code QYWX}) atomically. */
    @PutMapping("/login-ips/{type}")
    Result<LoginIpSetResponse> replaceLoginIps(@PathVariable("type") String type,
                                               @Valid @RequestBody LoginIpReplaceRequest request);

    @GetMapping("/login-ips")
    Result<LoginIpSetResponse> getLoginIps(@RequestParam("type") String type);

    /** Records in the operation log that a refresh of the list failed; the list itself stays as it is. */
    @PostMapping("/login-ips/{type}/refresh-failures")
    Result<Void> reportRefreshFailure(@PathVariable("type") String type, @Valid @RequestBody LoginIpRefreshFailure failure);
}

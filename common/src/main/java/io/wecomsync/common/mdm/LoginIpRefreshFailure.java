package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /login-ips/{type}/refresh-failures}: a source of addresses (e.g. wx-service's
 * callback IP job) reports that it could not refresh the list, so the operation log shows it.
 */
public record LoginIpRefreshFailure(@NotBlank @Size(max = 64) String source, @NotBlank @Size(max = 400) String problem) {
}

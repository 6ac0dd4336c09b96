package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /users/search}: find a corp's users by exactly one of WeCom userid, employee number, mobile or email.
 * Mobile and email travel in a body, never in a URL, because URLs end up in access logs and proxies' logs.
 */
public record UserSearchRequest(
        @NotBlank @Size(max = 64) String corpId,
        @Size(max = 64) String wxUserId,
        @Size(max = 64) String employeeNumber,
        @Size(max = 32) String mobile,
        @Size(max = 128) String email,
        boolean includeDeleted) {
}

package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code PUT /login-ips/{type}}: the complete new set of a type. An empty list is refused —
 * a whitelist is never wiped by accident.
 */
public record LoginIpReplaceRequest(
        @NotEmpty(message = "must list at least one IP address") @Size(max = 4096) List<@NotNull String> ips,
        @Size(max = 64) String source) {
}

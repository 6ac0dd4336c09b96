package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A user's place in one department: WeCom's {@code Department}, {@code IsLeaderInDept} and
 * per-department order, aligned by position in WeCom's CSV lists.
 */
public record DepartmentMembership(
        @NotNull(message = "departments[].deptId is required") @Positive Long deptId,
        Long order,
        Boolean leader) {
}

package io.wecomsync.common.mdm;

import java.time.Instant;

public record DepartmentResponse(
        String corpId,
        long deptId,
        String name,
        Long parentId,
        Long order,
        boolean deleted,
        Instant lastEventTime,
        Instant updatedAt) {
}

package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Body of {@code PUT /departments/{corpId}/{deptId}}: present fields change, absent ones stay. */
public record DepartmentUpsertRequest(
        @Size(max = 64) String name,
        @PositiveOrZero Long parentId,
        Long order,
        @NotNull(message = "is required: the WeCom CreateTime this write reflects") Instant sourceEventTime,
        @Size(max = 64) String sourceEventId) {
}

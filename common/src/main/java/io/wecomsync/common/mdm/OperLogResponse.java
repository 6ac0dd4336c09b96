package io.wecomsync.common.mdm;

import java.time.Instant;
import java.util.List;

/** One operation-log (操作日志) entry. Personal data in {@code changes} is masked. */
public record OperLogResponse(
        long id,
        Instant time,
        String corpId,
        String action,
        String targetType,
        String targetId,
        String result,
        List<FieldChange> changes,
        String sourceEventId,
        String traceId,
        String caller,
        String message) {

    public record FieldChange(String field, String before, String after) {
    }
}

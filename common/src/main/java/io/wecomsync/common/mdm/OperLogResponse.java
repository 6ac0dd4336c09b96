package io.wecomsync.common.mdm;

import java.time.Instant;
import java.util.List;

/**
 * One operation-log (操作日志) entry. Personal data in {@code changes} is masked. {@code caller} is the
 * service (or person) that called mdm-service; {@code operator} the person who asked for it, where one did
 * (a replay, a skip, a confirmed deletion …).
 */
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
        String operator,
        String message) {

    public record FieldChange(String field, String before, String after) {
    }
}

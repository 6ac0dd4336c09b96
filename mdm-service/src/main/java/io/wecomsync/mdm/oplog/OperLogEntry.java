package io.wecomsync.mdm.oplog;

import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.mdm.web.RequestSource;

import java.time.Instant;
import java.util.List;

/**
 * One entry to record. {@code changes} must already be masked; {@code result} is the outcome's name
 * (e.g. {@code CREATED}, {@code UNCHANGED}, {@code STALE}, {@code FAILED}); {@code operator} the person who
 * asked for it, null for what WeCom caused; {@code at} when it happened, where that is known to be earlier
 * than now (a report that arrives late), else null for the time it is recorded.
 */
public record OperLogEntry(
        String corpId,
        OperAction action,
        String targetId,
        String result,
        List<FieldChange> changes,
        String sourceEventId,
        RequestSource source,
        String message,
        String operator,
        Instant at) {

    public OperLogEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** An entry no operator asked for. */
    public OperLogEntry(String corpId, OperAction action, String targetId, String result, List<FieldChange> changes,
                        String sourceEventId, RequestSource source, String message) {
        this(corpId, action, targetId, result, changes, sourceEventId, source, message, null, null);
    }
}

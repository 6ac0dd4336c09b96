package io.wecomsync.mdm.oplog;

import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.mdm.web.RequestSource;

import java.util.List;

/**
 * One entry to record. {@code changes} must already be masked; {@code result} is the outcome's name
 * (e.g. {@code CREATED}, {@code UNCHANGED}, {@code STALE}, {@code FAILED}); {@code operator} the person who
 * asked for it, null for what WeCom caused.
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
        String operator) {

    public OperLogEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** An entry no operator asked for. */
    public OperLogEntry(String corpId, OperAction action, String targetId, String result, List<FieldChange> changes,
                        String sourceEventId, RequestSource source, String message) {
        this(corpId, action, targetId, result, changes, sourceEventId, source, message, null);
    }
}

package io.wecomsync.mdm.oplog;

import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.mdm.web.RequestSource;

import java.util.List;

/**
 * One entry to record. {@code changes} must already be masked; {@code result} is the outcome's name
 * (e.g. {@code CREATED}, {@code UNCHANGED}, {@code STALE}, {@code FAILED}).
 */
public record OperLogEntry(
        String corpId,
        OperAction action,
        String targetId,
        String result,
        List<FieldChange> changes,
        String sourceEventId,
        RequestSource source,
        String message) {

    public OperLogEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}

package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.contact.DirectoryMessages;
import io.wecomsync.wx.inbox.InboundEvent;

import java.time.Instant;
import java.util.Map;

/**
 * The inbox events a run stores: WeCom-shaped {@code change_contact} messages with source
 * {@code RECONCILE}, keyed by the same entity keys as callbacks so they queue behind (and ahead of)
 * callbacks for the same user, department or tag. Each carries its run's id, so the same difference
 * found again by a later run is a new event, not a duplicate.
 *
 * <p>All events of a run carry one time: the second before the run started reading. What was read is
 * at least that new; a callback about a change during the run carries a later time and wins.
 */
final class ReconcileEvents {

    private final String corpId;
    private final Instant time;
    private final Map<String, String> runField;

    ReconcileEvents(String corpId, long runId, Instant readStart) {
        this.corpId = corpId;
        this.time = Instant.ofEpochSecond(readStart.getEpochSecond() - 1);
        this.runField = Map.of("ReconcileRun", String.valueOf(runId));
    }

    InboundEvent user(String changeType, String userId, Map<String, String> fields) {
        return event(changeType, "user:" + corpId + ":" + userId, fields);
    }

    InboundEvent deleteUser(String userId) {
        return user("delete_user", userId, Map.of("UserID", userId));
    }

    InboundEvent department(String changeType, long id, Map<String, String> fields) {
        return event(changeType, "dept:" + corpId + ":" + id, fields);
    }

    InboundEvent deleteDepartment(long id) {
        return department("delete_party", id, Map.of("Id", String.valueOf(id)));
    }

    /** The tag handler reads the tag's members from WeCom itself; the event only names the tag. */
    InboundEvent tag(long tagId) {
        return event("update_tag", "tag:" + corpId + ":" + tagId, Map.of("TagId", String.valueOf(tagId)));
    }

    private InboundEvent event(String changeType, String entityKey, Map<String, String> fields) {
        String payload = DirectoryMessages.message(corpId, time, changeType, fields, runField);
        return new InboundEvent(corpId, null, InboundEvent.EventSource.RECONCILE, "change_contact", changeType,
                entityKey, null, time, payload);
    }
}

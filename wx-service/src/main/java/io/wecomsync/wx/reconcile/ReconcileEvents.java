package io.wecomsync.wx.reconcile;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.wx.change.ChangeType;
import io.wecomsync.wx.change.EntityKey;
import io.wecomsync.wx.contact.DirectoryMessages;
import io.wecomsync.wx.inbox.InboundEvent;

import java.time.Instant;
import java.util.List;
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
        this.runField = Map.of(DirectoryMessages.RECONCILE_RUN, String.valueOf(runId));
    }

    InboundEvent user(ChangeType change, String userId, DirectoryMessages.UserEntry user) {
        return event(change, EntityKey.user(corpId, userId), user.fields(), user.extAttrs());
    }

    InboundEvent deleteUser(String userId) {
        return event(ChangeType.DELETE_USER, EntityKey.user(corpId, userId), Map.of("UserID", userId), null);
    }

    InboundEvent department(ChangeType change, long id, Map<String, String> fields) {
        return event(change, EntityKey.department(corpId, id), fields, null);
    }

    InboundEvent deleteDepartment(long id) {
        return department(ChangeType.DELETE_PARTY, id, Map.of("Id", String.valueOf(id)));
    }

    InboundEvent deleteTag(long tagId) {
        return event(ChangeType.DELETE_TAG, EntityKey.tag(corpId, tagId), Map.of("TagId", String.valueOf(tagId)), null);
    }

    /** The tag handler reads the tag's members from WeCom itself; the event only names the tag. */
    /** A deletion event for each of {@code deletions}. */
    List<InboundEvent> deletions(List<ReconcilePlan.Deletion> deletions) {
        return deletions.stream().map(d -> switch (d.kind()) {
            case USER -> deleteUser(d.id());
            case DEPARTMENT -> deleteDepartment(Long.parseLong(d.id()));
            case TAG -> deleteTag(Long.parseLong(d.id()));
        }).toList();
    }

    InboundEvent tag(long tagId) {
        return event(ChangeType.UPDATE_TAG, EntityKey.tag(corpId, tagId), Map.of("TagId", String.valueOf(tagId)), null);
    }

    private InboundEvent event(ChangeType change, EntityKey entity, Map<String, String> fields,
                               List<CustomAttribute> extAttrs) {
        String payload = DirectoryMessages.message(corpId, time, change.wire(), fields, extAttrs, runField);
        return new InboundEvent(corpId, null, InboundEvent.EventSource.RECONCILE, ChangeType.CHANGE_CONTACT, change.wire(),
                entity.toString(), null, time, payload);
    }
}

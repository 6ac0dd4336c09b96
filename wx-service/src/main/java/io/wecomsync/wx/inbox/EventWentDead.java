package io.wecomsync.wx.inbox;

/**
 * Published (as a Spring application event) once an event's DEAD status is committed: it waits for an
 * operator to replay or skip it, and so do the later events of its entity.
 */
public record EventWentDead(InboxEvent event) {
}

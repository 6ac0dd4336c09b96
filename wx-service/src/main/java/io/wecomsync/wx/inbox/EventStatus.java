package io.wecomsync.wx.inbox;

/**
 * Where an inbox event stands. PENDING, PROCESSING and FAILED are unfinished and DEAD is stuck: they
 * hold their entity's later events back, so a replay never reorders an entity's changes.
 */
public enum EventStatus {
    PENDING,
    PROCESSING,
    DONE,
    /** Failed, waiting for its next attempt. */
    FAILED,
    /** Failed for good (a permanent error, the last attempt, or too old); can be replayed or skipped. */
    DEAD,
    /** A DEAD event an operator set aside, so its entity's later events go on. */
    SKIPPED,
    /** Not an event we apply (e.g. a message type we do not handle); can be replayed. */
    IGNORED
}

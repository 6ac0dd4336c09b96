package io.wecomsync.wx.inbox;

/** Where an inbox event stands. PENDING, PROCESSING and FAILED are unfinished: they hold their entity's later events back. */
public enum EventStatus {
    PENDING,
    PROCESSING,
    DONE,
    /** Failed, waiting for its next attempt. */
    FAILED,
    /** Failed for good (a permanent error, or the last attempt); can be replayed. */
    DEAD,
    /** Not an event we apply (e.g. a message type we do not handle); can be replayed. */
    IGNORED
}

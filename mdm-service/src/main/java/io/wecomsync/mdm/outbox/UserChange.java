package io.wecomsync.mdm.outbox;

/** What happened to a user, as a target is told it. */
public enum UserChange {
    CREATED,
    UPDATED,
    RENAMED,
    DELETED
}

package io.wecomsync.common.mdm;

/** What a write did. {@link #STALE}, {@link #UNCHANGED} and {@link #ALREADY_APPLIED} leave the stored data as it was. */
public enum WriteOutcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** The write carried an older source event time than the row already reflects. */
    STALE,
    RENAMED,
    DELETED,
    /**
     * This source event (its {@code sourceEventId}) was applied to this user before: nothing is written
     * again. Distinct from {@link #UNCHANGED}, which is a new event that happens to change nothing.
     */
    ALREADY_APPLIED;

    public boolean applied() {
        return this != STALE;
    }
}

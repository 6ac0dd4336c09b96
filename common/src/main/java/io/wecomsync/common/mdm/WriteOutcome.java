package io.wecomsync.common.mdm;

/** What a write did. Only {@link #STALE} and {@link #UNCHANGED} leave the stored data as it was. */
public enum WriteOutcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** The write carried an older source event time than the row already reflects. */
    STALE,
    RENAMED,
    DELETED;

    public boolean applied() {
        return this != STALE;
    }
}

package io.wecomsync.wx.reconcile;

/** Where a running run is. */
enum RunPhase {
    STARTING,
    READING_DEPARTMENTS,
    READING_USERS,
    READING_TAGS,
    COMPARING,
    STORING_EVENTS,
    FINISHED
}

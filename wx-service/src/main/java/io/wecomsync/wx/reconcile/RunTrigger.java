package io.wecomsync.wx.reconcile;

/** What started a run. */
enum RunTrigger {
    SCHEDULE,
    MANUAL,
    INITIAL_LOAD
}

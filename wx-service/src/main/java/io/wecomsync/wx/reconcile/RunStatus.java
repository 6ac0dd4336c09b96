package io.wecomsync.wx.reconcile;

/** How a run stands. Only {@code RUNNING} holds the corp's run lock. */
enum RunStatus {
    RUNNING,
    /** Everything read; differences stored as events (or, in a dry run, planned). */
    SUCCEEDED,
    /** Some WeCom reads failed: what was read is stored, but nothing was deleted. */
    PARTIAL,
    /** More deletions than the guard allows: creates and updates are stored, deletions wait for an operator. */
    AWAITING_CONFIRMATION,
    /** An operator confirmed the waiting deletions; they are stored as events. */
    CONFIRMED,
    /** An operator rejected the waiting deletions (or a newer run replaced them). */
    REJECTED,
    /** The run could not finish (e.g. mdm-service or WeCom unreachable). */
    FAILED,
    /** Its instance stopped mid-run; the run was given up after {@code staleAfter}. */
    ABANDONED
}

package io.wecomsync.wx.reconcile;

/** A run of the corp is already running (in this instance or another). */
final class RunAlreadyRunningException extends RuntimeException {

    private final long runningId;

    RunAlreadyRunningException(String corpId, long runningId) {
        super("a reconciliation of corp " + corpId + " is already running (run " + runningId + ")", null, false, false);
        this.runningId = runningId;
    }

    long runningId() {
        return runningId;
    }
}

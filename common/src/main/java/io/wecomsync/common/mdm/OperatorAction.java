package io.wecomsync.common.mdm;

/**
 * What an operator did through wx-service's admin API (in the console or with a token of their own);
 * each lands in mdm-service's operation log under the same name, with the operator's id.
 */
public enum OperatorAction {
    /** Put one DEAD or IGNORED inbox event back in line; the target is the event. */
    EVENT_REPLAY("INBOX_EVENT"),
    /** Put every DEAD inbox event of a corp back in line; the target is the corp. */
    EVENT_REPLAY_DEAD("CORP"),
    /** Set a DEAD inbox event aside with a reason; the target is the event. */
    EVENT_SKIP("INBOX_EVENT"),
    /** Started a reconciliation run or dry run; the target is the run. */
    RECONCILE_START("DIRECTORY"),
    /** Confirmed the deletions a run held; the target is the run. */
    RECONCILE_CONFIRM("DIRECTORY"),
    /** Rejected the deletions a run held; the target is the run. */
    RECONCILE_REJECT("DIRECTORY"),
    /** Refreshed WeCom's callback IP list now; the target is the list. */
    CALLBACK_IP_REFRESH("LOGIN_IP");

    private final String targetType;

    OperatorAction(String targetType) {
        this.targetType = targetType;
    }

    /** What the operation log files the action's target under. */
    public String targetType() {
        return targetType;
    }
}

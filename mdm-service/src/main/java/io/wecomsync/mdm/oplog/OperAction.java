package io.wecomsync.mdm.oplog;

/** What was asked for. The outcome (created, unchanged, stale, failed …) is the entry's result. */
public enum OperAction {
    USER_UPSERT("USER"),
    USER_RENAME("USER"),
    USER_DELETE("USER"),
    DEPARTMENT_UPSERT("DEPARTMENT"),
    DEPARTMENT_DELETE("DEPARTMENT"),
    TAG_MEMBERS_UPDATE("TAG"),
    TAG_DELETE("TAG"),
    LOGIN_IP_REPLACE("LOGIN_IP"),
    LOGIN_IP_REFRESH("LOGIN_IP"),
    CRM_PUSH("USER"),
    /** One of wx-service's directory reconciliations ended; the target is the run. */
    RECONCILE_RUN("DIRECTORY"),
    /** wx-service messaged the WeCom admins about conditions that need them; the target is the corp. */
    ADMIN_NOTICE("ADMINS"),
    // what operators did through wx-service's admin API (io.wecomsync.common.mdm.OperatorAction, same names)
    EVENT_REPLAY("INBOX_EVENT"),
    EVENT_REPLAY_DEAD("CORP"),
    EVENT_SKIP("INBOX_EVENT"),
    RECONCILE_START("DIRECTORY"),
    RECONCILE_CONFIRM("DIRECTORY"),
    RECONCILE_REJECT("DIRECTORY"),
    CALLBACK_IP_REFRESH("LOGIN_IP");

    private final String targetType;

    OperAction(String targetType) {
        this.targetType = targetType;
    }

    public String targetType() {
        return targetType;
    }
}

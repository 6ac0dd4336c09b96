package io.wecomsync.wx.notify;

/**
 * The conditions admins are told about, each with its title and what to do, in Chinese: the admins'
 * language (README "Operating it" has the same in English).
 */
public enum NoticeKind {
    DEAD_EVENTS("事件处理失败（DEAD）", "请在收件箱查看原因后重放或跳过（/api/wx/inbox/events?status=DEAD）"),
    DELETIONS_AWAITING_CONFIRMATION("删除待确认", "请核对后确认或拒绝（/api/wx/reconcile/runs/{id}/confirm 或 /reject）"),
    RECONCILE_FAILED("全量同步失败", "请查看同步记录（/api/wx/reconcile/runs）并检查企业微信与 mdm-service 是否可达"),
    CALLBACK_IP_REFRESH_FAILED("回调 IP 刷新失败", "网关仍使用上次的白名单；请检查应用 secret 与可信 IP 设置");

    private final String title;
    private final String action;

    NoticeKind(String title, String action) {
        this.title = title;
        this.action = action;
    }

    public String title() {
        return title;
    }

    /** What an admin does about it. */
    public String action() {
        return action;
    }
}

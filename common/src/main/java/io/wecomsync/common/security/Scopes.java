package io.wecomsync.common.security;

/** The scopes wecom-sync's APIs check, as they appear in a token's {@code scope} claim. */
public final class Scopes {

    /** Read master data and logs. */
    public static final String MDM_READ = "mdm.read";
    /** Write master data (what wx-service does when it applies events). */
    public static final String MDM_WRITE = "mdm.write";
    /** Push users to the CRM. */
    public static final String MDM_CRM = "mdm.crm";
    /** Replace login-IP lists (the IP whitelist job). */
    public static final String MDM_LOGIN_IP = "mdm.loginip";
    /** Read wx-service's inbox through its admin API. */
    public static final String WX_READ = "wx.read";
    /** Operator actions: everything, including replay, IP list replace, CRM push, on-demand jobs. */
    public static final String ADMIN = "admin";

    /** The issuer every wecom-sync service token carries and every service checks. */
    public static final String ISSUER = "wecom-sync";
    /** The audience every wecom-sync service token carries and every service requires of one. */
    public static final String AUDIENCE = "wecom-sync";

    private Scopes() {
    }
}

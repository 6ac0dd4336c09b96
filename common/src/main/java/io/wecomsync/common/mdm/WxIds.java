package io.wecomsync.common.mdm;

/** Shapes of identifiers that come from WeCom, shared by validation on both sides of the contract. */
public final class WxIds {

    /** A corp id: {@code ww...} for real corps; letters and digits. */
    public static final String CORP_ID = "[A-Za-z0-9_-]{1,64}";

    /** A WeCom userid: 1 to 64 of letters, digits and {@code _ - . @}. */
    public static final String USER_ID = "[A-Za-z0-9_.@-]{1,64}";

    /** A login-IP list type such as {@code QYWX}. */
    public static final String LOGIN_IP_TYPE = "[A-Z][A-Z0-9_]{0,31}";

    private WxIds() {
    }
}

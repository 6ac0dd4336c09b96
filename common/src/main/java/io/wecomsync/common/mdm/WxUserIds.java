package io.wecomsync.common.mdm;

import java.util.Locale;

/**
 * How WeCom userids compare: without regard to case ("Zhang" and "zhang" are one userid; a change of
 * case only is a rename). mdm-service's {@code wx_user_id} column compares the same way (its collation
 * is case-insensitive); code that keys maps by userid uses {@link #key}.
 */
public final class WxUserIds {

    private WxUserIds() {
    }

    /** The form two userids share exactly when WeCom treats them as the same. */
    public static String key(String wxUserId) {
        return wxUserId == null ? null : wxUserId.toLowerCase(Locale.ROOT);
    }
}

package io.wecomsync.mdm.web;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.mdm.WxIds;

import java.util.regex.Pattern;

/** Checks identifiers taken from URL paths and query strings before anything is read or written. */
public final class PathIds {

    private static final Pattern CORP_ID = Pattern.compile(WxIds.CORP_ID);
    private static final Pattern WX_USER_ID = Pattern.compile(WxIds.USER_ID);
    private static final Pattern USER_ID = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final Pattern LOGIN_IP_TYPE = Pattern.compile(WxIds.LOGIN_IP_TYPE);

    private PathIds() {
    }

    public static String corpId(String value) {
        return check("corpId", value, CORP_ID, "1-64 letters, digits, '_' or '-'");
    }

    public static String wxUserId(String name, String value) {
        return check(name, value, WX_USER_ID, "a WeCom userid: 1-64 letters, digits, '_', '-', '.' or '@'");
    }

    public static String userId(String value) {
        return check("userId", value, USER_ID, "1-32 letters or digits");
    }

    public static String loginIpType(String value) {
        return check("type", value, LOGIN_IP_TYPE, "upper-case letters, digits and '_', starting with a letter (e.g. QYWX)");
    }

    /** An optional source event id from a query string: at most 64 characters. */
    public static String eventId(String value) {
        if (value != null && value.length() > 64) {
            throw ApiException.invalid("sourceEventId must be at most 64 characters");
        }
        return value;
    }

    /** A page size of a compact listing: 1 to 5000. */
    public static int limit(int limit) {
        if (limit < 1 || limit > 5000) {
            throw ApiException.invalid("limit must be between 1 and 5000, got " + limit);
        }
        return limit;
    }

    public static long positive(String name, long value) {
        if (value <= 0) {
            throw ApiException.invalid(name + " must be a positive number, got " + value);
        }
        return value;
    }

    private static String check(String name, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ApiException.invalid(name + " must be " + expected + ", got '" + value + "'");
        }
        return value;
    }
}

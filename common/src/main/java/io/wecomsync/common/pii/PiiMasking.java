package io.wecomsync.common.pii;

/**
 * Masks personal data for log lines, operation-log entries and anything else a human may read
 * without needing the real value. Keeps just enough to tell two values apart.
 */
public final class PiiMasking {

    private PiiMasking() {
    }

    /** {@code 13800000000 -> 138****0000}; short values are masked whole. */
    public static String maskMobile(String mobile) {
        if (mobile == null) {
            return null;
        }
        String digits = mobile.strip();
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code zhang.san@example.com -> z***@example.com}. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** A landline number, masked like a mobile number: {@code 0755-86013388 -> 075****3388}. */
    public static String maskTelephone(String telephone) {
        return maskMobile(telephone);
    }

    /** An address keeps its first three characters (the province, as a rule): {@code 广东省深圳市南山区… -> 广东省***}. */
    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        return text.codePointCount(0, text.length()) <= 3 ? "***" : text.substring(0, text.offsetByCodePoints(0, 3)) + "***";
    }

    /** A person's name keeps its first character: {@code 张三丰 -> 张**}, {@code Zhang San -> Z********}. */
    public static String maskName(String name) {
        if (name == null) {
            return null;
        }
        String text = name.strip();
        int length = text.codePointCount(0, text.length());
        if (length <= 1) {
            return "*";
        }
        return text.substring(0, text.offsetByCodePoints(0, 1)) + "*".repeat(length - 1);
    }

    /**
     * Any other personal value (a custom attribute such as an ID number): its first character and last two
     * stay, {@code 440301199001011234 -> 4***************34}; values shorter than six characters are masked whole.
     */
    public static String maskOther(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        int length = text.codePointCount(0, text.length());
        if (length < 6) {
            return "*".repeat(length);
        }
        int head = text.offsetByCodePoints(0, 1);
        int tail = text.offsetByCodePoints(text.length(), -2);
        return text.substring(0, head) + "*".repeat(length - 3) + text.substring(tail);
    }
}

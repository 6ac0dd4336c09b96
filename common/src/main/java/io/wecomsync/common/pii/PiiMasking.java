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
}

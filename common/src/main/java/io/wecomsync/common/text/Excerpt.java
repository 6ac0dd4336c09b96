package io.wecomsync.common.text;

/**
 * Cuts a text that goes into a bounded place (a column, an error message, a report field) to at most
 * a given length, marking the cut with "…" so a reader can tell it was cut. Never splits a character
 * outside the Basic Multilingual Plane (an emoji in a name): a half of one would end up stored as "?".
 */
public final class Excerpt {

    private static final String MARK = "…";

    private Excerpt() {
    }

    /**
     * @param text     the text, may be {@code null} (answered with {@code null})
     * @param maxChars the most {@code char}s the answer may have, the mark included; at least 2
     * @return the text itself if it fits, else its beginning and "…" in {@code maxChars} or fewer
     */
    public static String of(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("an excerpt needs room for a character and the mark, got " + maxChars);
        }
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - MARK.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + MARK;
    }
}

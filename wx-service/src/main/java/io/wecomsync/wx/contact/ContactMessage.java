package io.wecomsync.wx.contact;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A decrypted WeCom message's fields. WeCom sends only what changed: an absent field is
 * {@code null} here ("unchanged"), a present but empty one is {@code ""} ("cleared").
 */
record ContactMessage(Map<String, String> fields) {

    String text(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A number field; {@code null} when absent or empty. */
    Long number(String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number");
        }
    }

    /** A comma-separated list; {@code null} when absent, empty when present but empty. */
    List<String> list(String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Instant createTime() {
        Long seconds = number("CreateTime");
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    String changeType() {
        return text("ChangeType");
    }
}

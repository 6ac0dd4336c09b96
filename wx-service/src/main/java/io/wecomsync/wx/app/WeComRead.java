package io.wecomsync.wx.app;

import java.util.function.Function;

/**
 * How one read from WeCom went, for everything that reads (ID-only events, reconciliation): the value;
 * or {@code UNREADABLE} (WeCom refused for good — no permission, new server IP, not found — or the corp
 * has no reader app: the details stay unknown, never invented); or {@code FAILED} (busy, unreachable,
 * or the token store down: trying later may succeed, so an event waits and a reconciliation run is
 * incomplete and deletes nothing).
 *
 * @param error what to record, e.g. {@code "user/get: WeCom error 48009"}; null when found or when there is
 *              simply no reader app
 */
public record WeComRead<T>(T value, Outcome outcome, String error) {

    public enum Outcome {
        FOUND,
        UNREADABLE,
        FAILED
    }

    public static <T> WeComRead<T> found(T value) {
        return new WeComRead<>(value, Outcome.FOUND, null);
    }

    public static <T> WeComRead<T> unreadable(String error) {
        return new WeComRead<>(null, Outcome.UNREADABLE, error);
    }

    public static <T> WeComRead<T> failed(String error) {
        return new WeComRead<>(null, Outcome.FAILED, error);
    }

    /** The same outcome with the value mapped. */
    public <R> WeComRead<R> map(Function<T, R> mapping) {
        return new WeComRead<>(value == null ? null : mapping.apply(value), outcome, error);
    }

    public boolean found() {
        return outcome == Outcome.FOUND;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}

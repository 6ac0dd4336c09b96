package io.wecomsync.wx.reconcile;

/**
 * How one read from WeCom went: the value; or {@code UNREADABLE} (WeCom refused for good — no
 * permission, new server IP … — so the details stay unknown); or {@code FAILED} (busy or unreachable
 * after every retry — the run is incomplete and must not delete anything).
 */
record WeComRead<T>(T value, Outcome outcome, String error) {

    enum Outcome {
        FOUND,
        UNREADABLE,
        FAILED
    }

    static <T> WeComRead<T> found(T value) {
        return new WeComRead<>(value, Outcome.FOUND, null);
    }

    static <T> WeComRead<T> unreadable(String error) {
        return new WeComRead<>(null, Outcome.UNREADABLE, error);
    }

    static <T> WeComRead<T> failed(String error) {
        return new WeComRead<>(null, Outcome.FAILED, error);
    }

    /** The same outcome with the value mapped. */
    <R> WeComRead<R> map(java.util.function.Function<T, R> mapping) {
        return new WeComRead<>(value == null ? null : mapping.apply(value), outcome, error);
    }

    boolean found() {
        return outcome == Outcome.FOUND;
    }

    boolean failed() {
        return outcome == Outcome.FAILED;
    }
}

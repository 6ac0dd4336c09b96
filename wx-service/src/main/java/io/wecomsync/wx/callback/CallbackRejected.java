package io.wecomsync.wx.callback;

/**
 * A callback we refuse: the HTTP status to answer, a metric-friendly reason, and a message that
 * names the problem without echoing the payload.
 */
final class CallbackRejected extends RuntimeException {

    private final int status;
    private final String reason;

    CallbackRejected(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    static CallbackRejected badRequest(String reason, String message) {
        return new CallbackRejected(400, reason, message);
    }

    static CallbackRejected forbidden(String reason, String message) {
        return new CallbackRejected(403, reason, message);
    }
}

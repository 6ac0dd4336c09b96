package io.wecomsync.wx.contact;

/** Thrown by a handler when WeCom was too busy to read details: the event is retried later. */
final class WeComBusyException extends RuntimeException {

    WeComBusyException(String problem) {
        super(problem, null, false, false);
    }
}

package io.wecomsync.wx.contact;

import io.wecomsync.wx.inbox.DependencyUnavailableException;

/** Thrown by a handler when WeCom was too busy to read details: the event is retried later. */
final class WeComBusyException extends DependencyUnavailableException {

    WeComBusyException(String problem) {
        super(problem);
    }
}

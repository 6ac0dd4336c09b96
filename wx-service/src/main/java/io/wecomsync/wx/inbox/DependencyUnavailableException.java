package io.wecomsync.wx.inbox;

/**
 * Something an event needs is unavailable (mdm-service, WeCom, the token store): nothing is wrong
 * with the event. The router turns it into {@link HandlerOutcome.Wait}, which uses up no attempt.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    protected DependencyUnavailableException(String message) {
        super(message, null, false, false);
    }
}

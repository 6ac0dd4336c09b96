package io.wecomsync.wx.inbox;

import java.time.Duration;

/**
 * A dependency every event needs, asked before the worker claims: while it is known to be down
 * (e.g. mdm-service's circuit breaker is open) the worker claims nothing rather than fail event after
 * event. Features that own such a dependency provide one as a bean.
 */
public interface InboxGate {

    /** How long to hold off claiming; {@link Duration#ZERO} when the dependency may be called. */
    Duration pauseClaiming();
}

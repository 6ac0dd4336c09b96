package io.wecomsync.wx.inbox;

import java.time.Duration;

/**
 * Asked before the worker claims: a dependency every event needs, while it is known to be down (e.g.
 * mdm-service's circuit breaker is open: the worker claims nothing rather than fail event after event),
 * or receiving, while a burst arrives ({@link IntakeFirst}). Features that own such a reason provide one
 * as a bean.
 */
public interface InboxGate {

    /** How long to hold off claiming; {@link Duration#ZERO} when the dependency may be called. */
    Duration pauseClaiming();
}

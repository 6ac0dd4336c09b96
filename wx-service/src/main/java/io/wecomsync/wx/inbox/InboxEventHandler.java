package io.wecomsync.wx.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feature's handler of the inbox events it owns, found by {@link InboxRouter} as a bean. Called by
 * the worker, never concurrently for the same entity. A handler may throw
 * {@link DependencyUnavailableException} or {@link EventRefusedException}: the router translates
 * failures into outcomes, once for all handlers.
 */
public interface InboxEventHandler {

    /** The event types ({@code Event} of a WeCom message, or an internal type) this handler applies. */
    Set<String> eventTypes();

    HandlerOutcome handle(InboxEvent event);

    /**
     * Applies together those of {@code events} (claimed at once, all of different entities) that can
     * be applied as one — e.g. one call to mdm-service for many users — and answers an outcome for
     * each of those; the rest are applied one by one with {@link #handle}.
     */
    default Map<Long, HandlerOutcome> handleTogether(List<InboxEvent> events) {
        return Map.of();
    }
}

package io.wecomsync.wx.inbox;

import java.util.List;
import java.util.Map;

/** Applies claimed events. Called by the worker, never concurrently for the same entity. */
public interface InboxEventHandler {

    HandlerOutcome handle(InboxEvent event);

    /**
     * Applies together those of {@code events} (claimed at once, all of different entities) that can
     * be applied as one — e.g. one call to mdm-service for many users — and answers an outcome for
     * each of those; the worker applies the rest one by one with {@link #handle}.
     */
    default Map<Long, HandlerOutcome> handleTogether(List<InboxEvent> events) {
        return Map.of();
    }
}

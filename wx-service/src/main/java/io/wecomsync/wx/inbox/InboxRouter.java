package io.wecomsync.wx.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands each event to the feature that registered its event type, and turns what a handler throws
 * into an outcome — in one place: a dependency unavailable → wait (no attempt used), a refusal or a
 * malformed message → DEAD, anything else → retry (DEAD after the last attempt). An event type no
 * feature handles is IGNORED.
 */
@Component
class InboxRouter {

    private static final Logger log = LoggerFactory.getLogger(InboxRouter.class);

    private final Map<String, InboxEventHandler> byType = new HashMap<>();

    InboxRouter(List<InboxEventHandler> handlers) {
        for (InboxEventHandler handler : handlers) {
            for (String type : handler.eventTypes()) {
                InboxEventHandler before = byType.putIfAbsent(type, handler);
                if (before != null) {
                    throw new IllegalStateException("inbox event type '" + type + "' is claimed by both "
                            + before.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
                }
            }
        }
    }

    HandlerOutcome handle(InboxEvent event) {
        InboxEventHandler handler = byType.get(event.eventType());
        if (handler == null) {
            return new HandlerOutcome.Ignored("event '" + event.eventType() + "' is not applied");
        }
        try {
            return handler.handle(event);
        } catch (RuntimeException e) {
            return translate(event, e);
        }
    }

    /** Each handler's share of {@code events} applied together; outcomes for those it took. */
    Map<Long, HandlerOutcome> handleTogether(List<InboxEvent> events) {
        Map<InboxEventHandler, List<InboxEvent>> byHandler = new LinkedHashMap<>();
        for (InboxEvent event : events) {
            InboxEventHandler handler = byType.get(event.eventType());
            if (handler != null) {
                byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(event);
            }
        }
        Map<Long, HandlerOutcome> outcomes = new HashMap<>();
        byHandler.forEach((handler, share) -> {
            if (share.size() < 2) {
                return;
            }
            try {
                outcomes.putAll(handler.handleTogether(share));
            } catch (RuntimeException e) {
                // applied one by one instead, each getting its own verdict
                log.warn("applying {} events together failed: {}", share.size(), e.getClass().getSimpleName());
            }
        });
        return outcomes;
    }

    private static HandlerOutcome translate(InboxEvent event, RuntimeException e) {
        if (e instanceof DependencyUnavailableException) {
            return new HandlerOutcome.Wait(e.getMessage());
        }
        if (e instanceof EventRefusedException) {
            return new HandlerOutcome.Dead(e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new HandlerOutcome.Dead("malformed " + (event.changeType() != null ? event.changeType() : event.eventType())
                    + ": " + e.getMessage());
        }
        log.warn("event {} ({} {}) failed: {}", event.id(), event.eventType(), event.changeType(), e.getClass().getSimpleName());
        return new HandlerOutcome.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}

package io.wecomsync.wx.inbox;

import java.util.List;

/** What applying one event came to; the inbox turns it into the event's next status. */
public sealed interface HandlerOutcome {

    /**
     * Applied. {@code followUps} are stored in the same transaction that marks the event DONE — unless
     * one for the same entity is already waiting: a follow-up must re-read the current state when it runs;
     * {@code note} (e.g. a WeCom error that left details unknown) is kept on the event.
     */
    record Done(List<InboundEvent> followUps, String note) implements HandlerOutcome {
    }

    /** Not an event we apply; kept as IGNORED, visible and replayable. */
    record Ignored(String reason) implements HandlerOutcome {
    }

    /**
     * A dependency was unavailable (mdm-service down, 5xx or time-out, its circuit breaker open, WeCom
     * busy, Redis down, a 401/403 an operator must fix): tried again after a capped backoff. Waiting does
     * not use up attempts — an outage of any length never makes an event DEAD; only the age limit does.
     */
    record Wait(String error) implements HandlerOutcome {
    }

    /**
     * A failure of this event that may pass but is not an outage (e.g. an unexpected error while applying
     * it): tried again after a backoff, and DEAD after the last attempt.
     */
    record Retry(String error) implements HandlerOutcome {
    }

    /** A failure retrying cannot fix (e.g. mdm-service refused the data): DEAD at once. */
    record Dead(String error) implements HandlerOutcome {
    }

    static HandlerOutcome done() {
        return new Done(List.of(), null);
    }
}

package io.wecomsync.wx.inbox;

import java.time.Instant;

/**
 * An event to store: where it came from, what it is about ({@code entityKey}, plus
 * {@code altEntityKey} for a rename's new id) and the decrypted message itself.
 */
public record InboundEvent(
        String corpId,
        Integer agentId,
        EventSource source,
        String eventType,
        String changeType,
        String entityKey,
        String altEntityKey,
        Instant eventTime,
        String payload) {

    /** Where an event came from. */
    public enum EventSource {
        CALLBACK,
        FOLLOW_UP,
        RECONCILE
    }
}

package io.wecomsync.wx.inbox;

import java.time.Instant;

/** A claimed event as a handler sees it, with the decrypted message in {@code payload}. */
public record InboxEvent(
        long id,
        String corpId,
        Integer agentId,
        InboundEvent.EventSource source,
        String eventType,
        String changeType,
        String entityKey,
        Instant eventTime,
        String payload,
        int attempt,
        Instant receivedAt) {
}

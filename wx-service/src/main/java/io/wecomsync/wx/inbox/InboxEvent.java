package io.wecomsync.wx.inbox;

import io.wecomsync.common.tracing.TraceParent;

import java.time.Instant;

/**
 * A claimed event as a handler sees it, with the decrypted message in {@code payload}.
 * {@code attempt} counts the tries that could fail it, this one included; {@code waits} the earlier tries
 * that found a dependency unavailable, which never make it DEAD;
 * {@code leaseVersion} names this claim: finishing or renewing needs it, so a claim that was taken
 * over changes nothing; {@code traceParent} the trace it was stored under (null when none).
 */
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
        int waits,
        Instant receivedAt,
        long leaseVersion,
        TraceParent traceParent) {
}

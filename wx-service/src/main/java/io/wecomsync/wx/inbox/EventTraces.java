package io.wecomsync.wx.inbox;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.wecomsync.common.tracing.StoredTrace;
import io.wecomsync.common.tracing.TraceParent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps each event in the trace it arrived under: the inbox stores the trace of the request that
 * stored it, and the worker applies it as a continuation of that trace, so the calls to mdm-service
 * (and through its outbox, the CRM) and every log line on the way carry the callback's trace id.
 */
@Component
public class EventTraces {

    private final Tracer tracer;
    private final StoredTrace stored;

    EventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<ObservationRegistry> registry) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.stored = new StoredTrace(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** The trace of the current request or work, if any. */
    public Optional<TraceParent> current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null || !TraceParent.isTraceId(context.traceId()) || context.spanId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TraceParent(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Applies {@code event} in its own trace, as the observation {@code wecom.inbox.apply}. */
    HandlerOutcome apply(InboxEvent event, Supplier<HandlerOutcome> work) {
        return stored.resume("wecom.inbox.apply", event.traceParent(),
                Map.of("event.type", event.eventType(), "source", event.source().name()), work);
    }
}

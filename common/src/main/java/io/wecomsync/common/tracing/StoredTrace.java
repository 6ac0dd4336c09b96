package io.wecomsync.common.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Resumes the trace of work that was stored and is done later on another thread — an inbox event, an
 * outbox delivery — the way a message consumer resumes its producer's: the work runs in an observation
 * whose parent is the stored {@link TraceParent}, so its log lines carry that trace id and every call it
 * makes (Feign, RestClient) passes the same trace on. Without a stored trace it starts a new one.
 */
public class StoredTrace {

    private final ObservationRegistry registry;

    public StoredTrace(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs {@code work} in the observation {@code name}, a child of {@code parent} (may be null), with the
     * low-cardinality {@code tags} (e.g. the event type; never an id).
     */
    public <T> T resume(String name, TraceParent parent, Map<String, String> tags, Supplier<T> work) {
        Map<String, String> carrier = parent == null ? Map.of() : Map.of(TraceParent.HEADER, parent.toString());
        Observation observation = Observation.createNotStarted(name, () -> {
            ReceiverContext<Map<String, String>> context = new ReceiverContext<>((c, key) -> c.get(key));
            context.setCarrier(carrier);
            return context;
        }, registry);
        tags.forEach(observation::lowCardinalityKeyValue);
        return observation.observe(work);
    }
}

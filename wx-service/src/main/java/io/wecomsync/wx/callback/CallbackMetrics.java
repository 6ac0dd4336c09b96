package io.wecomsync.wx.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts callbacks: received, rejected by reason, stored, duplicate. */
@Component
class CallbackMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter stored;
    private final Counter duplicate;

    CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("wecom.callback.received").description("callback requests received").register(registry);
        this.stored = Counter.builder("wecom.callback.stored").description("events stored in the inbox").register(registry);
        this.duplicate = Counter.builder("wecom.callback.duplicate").description("redelivered events already stored").register(registry);
    }

    void received() {
        received.increment();
    }

    void stored() {
        stored.increment();
    }

    void duplicate() {
        duplicate.increment();
    }

    void rejected(String reason) {
        Counter.builder("wecom.callback.rejected").tag("reason", reason).description("callbacks refused")
                .register(registry).increment();
    }
}

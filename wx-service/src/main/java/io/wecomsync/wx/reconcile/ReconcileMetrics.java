package io.wecomsync.wx.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code wecom.reconcile.runs} (by corp, trigger, status), {@code wecom.reconcile.duration},
 * {@code wecom.reconcile.changes} (stored events by corp and change), {@code wecom.reconcile.wecom.errors}
 * (by corp and code) and {@code wecom.reconcile.running} (runs this instance is executing).
 */
@Component
class ReconcileMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();

    ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("wecom.reconcile.running", running, AtomicInteger::get)
                .description("reconciliation runs executing in this instance").register(registry);
    }

    void started() {
        running.incrementAndGet();
    }

    void finished(String corpId, String trigger, boolean dryRun, RunStatus status, Duration took, Map<String, Integer> errors) {
        running.decrementAndGet();
        ended(corpId, trigger, status);
        Timer.builder("wecom.reconcile.duration").tag("corp", corpId).tag("dry_run", String.valueOf(dryRun))
                .register(registry).record(took);
        errors.forEach((code, count) -> Counter.builder("wecom.reconcile.wecom.errors").tag("corp", corpId).tag("code", code)
                .register(registry).increment(count));
    }

    void ended(String corpId, String trigger, RunStatus status) {
        Counter.builder("wecom.reconcile.runs").tag("corp", corpId).tag("trigger", trigger).tag("status", status.name())
                .register(registry).increment();
    }

    void changes(String corpId, String change, int count) {
        if (count > 0) {
            Counter.builder("wecom.reconcile.changes").tag("corp", corpId).tag("change", change)
                    .register(registry).increment(count);
        }
    }
}

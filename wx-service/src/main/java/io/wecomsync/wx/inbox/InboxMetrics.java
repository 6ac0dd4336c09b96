package io.wecomsync.wx.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The inbox's meters: applied, retried, waiting and dead events, claims lost to an expired lease, the receive-to-applied lag, and gauges for
 * the depth (unfinished events) and the age of the oldest one.
 */
@Component
class InboxMetrics {

    private final MeterRegistry registry;
    private final Timer lag;

    InboxMetrics(MeterRegistry registry, InboxStatistics statistics, Clock clock) {
        this.registry = registry;
        this.lag = Timer.builder("wecom.inbox.lag")
                .description("time from receiving an event to having applied it")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("wecom.inbox.depth", statistics, s -> s.unfinished())
                .description("events received but not yet applied").register(registry);
        Gauge.builder("wecom.inbox.oldest.age", statistics, s -> {
                    Instant oldest = s.oldestUnfinished();
                    return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
                })
                .description("age in seconds of the oldest event not yet applied").baseUnit("seconds").register(registry);
        Gauge.builder("wecom.inbox.dead.events", statistics, s -> s.countByStatus().getOrDefault(EventStatus.DEAD.name(), 0L))
                .description("events given up (DEAD) and still kept: each needs an operator's look").register(registry);
    }

    void applied(InboxEvent event, Duration sinceReceived) {
        counter("wecom.inbox.applied", event).increment();
        lag.record(sinceReceived);
    }

    void retried(InboxEvent event) {
        counter("wecom.inbox.retried", event).increment();
    }

    /** A try that found a dependency unavailable; the event waits without using up an attempt. */
    void waited(InboxEvent event) {
        counter("wecom.inbox.waited", event).increment();
    }

    /** A finish that found its claim taken over (the lease ran out first): nothing was recorded. */
    void claimLost(InboxEvent event) {
        counter("wecom.inbox.claim.lost", event).increment();
    }

    /** A follow-up not stored because one for the same entity was already waiting. */
    void coalesced(InboundEvent event) {
        Counter.builder("wecom.inbox.coalesced").tag("type", event.eventType())
                .description("follow-ups covered by one already waiting").register(registry).increment();
    }

    void dead(InboxEvent event) {
        counter("wecom.inbox.dead", event).increment();
    }

    private Counter counter(String name, InboxEvent event) {
        return Counter.builder(name).tag("type", event.changeType() != null ? event.changeType() : event.eventType())
                .register(registry);
    }

    /** Read-only figures the gauges sample. */
    interface InboxStatistics {

        double unfinished();

        Instant oldestUnfinished();

        Map<String, Long> countByStatus();
    }
}

package io.wecomsync.mdm.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox as metrics, per target: {@code wecom.outbox.backlog} (rows PENDING and DEAD),
 * {@code wecom.outbox.oldest.age} (seconds since the oldest pending change was recorded) and
 * {@code wecom.outbox.deliveries} (results: SUCCESS, FAILED, DEAD). The backlog is counted every
 * fifteen seconds, not per scrape.
 */
@Component
class OutboxMetrics {

    static final List<String> COUNTED = List.of("PENDING", "DEAD");
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final OutboxMapper mapper;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Long> rows = new ConcurrentHashMap<>();
    private final Map<String, Instant> oldest = new ConcurrentHashMap<>();

    OutboxMetrics(OutboxMapper mapper, MeterRegistry registry, List<OutboxTarget> targets, Clock clock) {
        this.mapper = mapper;
        this.registry = registry;
        this.clock = clock;
        for (OutboxTarget target : targets) {
            for (String status : COUNTED) {
                Gauge.builder("wecom.outbox.backlog", rows, counts -> counts.getOrDefault(key(target.name(), status), 0L))
                        .tag("target", target.name()).tag("status", status)
                        .description("outbox rows of a target in a status").register(registry);
            }
            Gauge.builder("wecom.outbox.oldest.age", oldest, times -> age(times.get(target.name())))
                    .tag("target", target.name()).baseUnit("seconds")
                    .description("how long the oldest pending change of a target has waited").register(registry);
        }
    }

    void delivered(String target, String result) {
        Counter.builder("wecom.outbox.deliveries").tag("target", target).tag("result", result)
                .description("delivery attempts by result").register(registry).increment();
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 15_000)
    void count() {
        try {
            Map<String, Long> counted = new ConcurrentHashMap<>();
            Map<String, Instant> waiting = new ConcurrentHashMap<>();
            for (Map<String, Object> line : mapper.backlog()) {
                String target = String.valueOf(line.get("target"));
                String status = String.valueOf(line.get("status"));
                counted.put(key(target, status), ((Number) line.get("total")).longValue());
                if ("PENDING".equals(status) && line.get("oldest") != null) {
                    waiting.put(target, toInstant(line.get("oldest")));
                }
            }
            rows.keySet().retainAll(counted.keySet());
            rows.putAll(counted);
            oldest.keySet().retainAll(waiting.keySet());
            oldest.putAll(waiting);
        } catch (RuntimeException e) {
            log.debug("outbox backlog not counted: {}", e.toString());
        }
    }

    private double age(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant();
    }

    private static String key(String target, String status) {
        return target + "/" + status;
    }
}

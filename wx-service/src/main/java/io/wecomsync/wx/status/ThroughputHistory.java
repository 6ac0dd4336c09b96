package io.wecomsync.wx.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events received and applied per minute, over every instance. Each instance reads its own counters
 * ({@code wecom.callback.stored}, {@code wecom.inbox.applied}) every {@code wx.status.flush-interval} (a
 * minute) and adds what they grew by to the current minute's row — nothing on the callback or apply path
 * itself. A flush that fails (database away) is carried to the next one. Every 10 s cost the intake
 * 15–20 % in the ingest benchmark (BENCHMARKS.md, "The dashboard's counts"); once a minute did not.
 */
@Component
class ThroughputHistory {

    private static final Duration KEPT = Duration.ofDays(2);
    private static final Logger log = LoggerFactory.getLogger(ThroughputHistory.class);

    private final ThroughputMapper mapper;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private double receivedSoFar;
    private double appliedSoFar;
    private int flushes;

    ThroughputHistory(ThroughputMapper mapper, MeterRegistry registry, Clock clock) {
        this.mapper = mapper;
        this.registry = registry;
        this.clock = clock;
    }

    /** One entry per minute of the last {@code minutes}, oldest first, zero where nothing happened. */
    List<Minute> last(int minutes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = now.minus(Duration.ofMinutes(minutes - 1L));
        Map<Instant, Minute> found = new HashMap<>();
        for (Map<String, Object> row : mapper.since(from)) {
            Instant minute = instant(row.get("minute"));
            found.put(minute, new Minute(minute, ((Number) row.get("received")).longValue(), ((Number) row.get("applied")).longValue()));
        }
        List<Minute> series = new ArrayList<>(minutes);
        for (Instant minute = from; !minute.isAfter(now); minute = minute.plus(Duration.ofMinutes(1))) {
            series.add(found.getOrDefault(minute, new Minute(minute, 0, 0)));
        }
        return series;
    }

    @Scheduled(fixedDelayString = "${wx.status.flush-interval:PT1M}", initialDelayString = "${wx.status.flush-interval:PT1M}")
    synchronized void flush() {
        double received = total("wecom.callback.stored");
        double applied = total("wecom.inbox.applied");
        long newlyReceived = Math.round(received - receivedSoFar);
        long newlyApplied = Math.round(applied - appliedSoFar);
        try {
            if (newlyReceived > 0 || newlyApplied > 0) {
                mapper.add(clock.instant().truncatedTo(ChronoUnit.MINUTES), instance, newlyReceived, newlyApplied);
            }
            receivedSoFar = received;
            appliedSoFar = applied;
            if (++flushes % 60 == 1) {
                mapper.purge(clock.instant().minus(KEPT));
            }
        } catch (RuntimeException e) {
            log.debug("throughput not recorded this time ({}); carried to the next flush", e.getClass().getSimpleName());
        }
    }

    private double total(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    /** What every instance received and applied in the minute starting {@code at}. */
    record Minute(Instant at, long received, long applied) {
    }
}

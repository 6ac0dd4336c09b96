package io.wecomsync.mdm.tx;

import io.wecomsync.common.retention.Purges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps {@code mdm_applied_event} from growing without end: deletes records older than
 * {@code mdm.applied-events.retention}, a thousand at a time. Safe to run on every instance at once.
 */
@Component
public class AppliedEventsRetention {

    private static final Logger log = LoggerFactory.getLogger(AppliedEventsRetention.class);
    private static final int BATCH = 1000;

    private final AppliedEvents appliedEvents;
    private final AppliedEventsProperties properties;
    private final Clock clock;

    AppliedEventsRetention(AppliedEvents appliedEvents, AppliedEventsProperties properties, Clock clock) {
        this.appliedEvents = appliedEvents;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes what is past retention; answers how many records went. */
    public int purge() {
        Instant before = clock.instant().minus(properties.retention());
        int total = Purges.inBatches(BATCH, limit -> appliedEvents.purgeAppliedBefore(before, limit));
        if (total > 0) {
            log.info("removed {} applied-event records older than {}", total, before);
        }
        return total;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("applied-event retention run failed: {}", e.getClass().getSimpleName());
        }
    }
}

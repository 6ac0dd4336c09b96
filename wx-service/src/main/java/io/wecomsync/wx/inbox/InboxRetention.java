package io.wecomsync.wx.inbox;

import io.wecomsync.common.retention.Purges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the inbox from growing without end: deletes DONE and IGNORED events older than
 * {@code wx.inbox.retention}, in small batches. DEAD and unfinished events are never deleted. Safe to
 * run on every instance at once.
 */
@Component
public class InboxRetention {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
    private static final int BATCH = 1000;
    private static final Duration MINIMUM = Duration.ofDays(1);

    private final InboxMapper mapper;
    private final InboxSettings settings;
    private final Clock clock;

    InboxRetention(InboxMapper mapper, InboxSettings settings, Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes what is past retention; answers how many events went. */
    public int purge() {
        Duration retention = settings.current().retention();
        if (retention.compareTo(MINIMUM) < 0) {
            // redeliveries must still be recognized: never keep less than a day
            retention = MINIMUM;
        }
        Instant before = clock.instant().minus(retention);
        int total = Purges.inBatches(BATCH, limit -> mapper.purgeFinished(before, limit));
        if (total > 0) {
            log.info("inbox retention removed {} finished events older than {}", total, before);
        }
        return total;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("inbox retention run failed: {}", e.getClass().getSimpleName());
        }
    }
}

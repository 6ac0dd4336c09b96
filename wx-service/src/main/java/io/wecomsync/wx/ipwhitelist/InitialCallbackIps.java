package io.wecomsync.wx.ipwhitelist;

import io.wecomsync.wx.mdm.MdmCalls;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A fresh install: mdm-service holds no WeCom callback IPs yet, so the gateway refuses every callback —
 * even the URL verification WeCom sends when an admin saves the callback URL — until the six-hourly job
 * first runs. At start-up, while the list is empty, this triggers the job at once and looks again after
 * {@link #FIRST_RETRY}, doubling up to {@link #MAX_RETRY}, until the list is there: an outage of
 * mdm-service or a missing trusted IP at WeCom only delays it, and a refusing WeCom is asked a few times
 * an hour, not every few seconds. It triggers the clustered Quartz job rather than refreshing itself
 * (the job never runs twice at once), and an instance that finds the list filled by another stops.
 */
@Component
class InitialCallbackIps implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(InitialCallbackIps.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);

    private final MdmCalls mdm;
    private final Scheduler quartz;
    private final CallbackIpJobProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;

    InitialCallbackIps(MdmCalls mdm, Scheduler quartz, CallbackIpJobProperties properties, TaskScheduler scheduler,
                       Clock clock) {
        this.mdm = mdm;
        this.quartz = quartz;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (properties.refreshWhenEmpty()) {
            scheduler.schedule(() -> checkUntilListed(1), clock.instant());
        }
    }

    private void checkUntilListed(int attempt) {
        check(attempt).ifPresent(delay -> scheduler.schedule(() -> checkUntilListed(attempt + 1), clock.instant().plus(delay)));
    }

    /**
     * Looks once: triggers the job when the list is empty, and answers when to look again — nothing once the
     * list is there. A list that cannot be read (mdm-service down) is looked at again as well.
     */
    Optional<Duration> check(int attempt) {
        try {
            if (!mdm.call("read login IPs", api -> api.getLoginIps(properties.loginIpType())).ips().isEmpty()) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            log.info("WeCom callback IPs not checked yet ({}); trying again in {} s", e.getMessage(),
                    retryAfter(attempt).toSeconds());
            return Optional.of(retryAfter(attempt));
        }
        try {
            quartz.triggerJob(JobKey.jobKey(CallbackIpJobConfiguration.JOB));
            log.info("mdm-service holds no WeCom callback IPs ({}): refresh triggered (attempt {}), next look in {} s",
                    properties.loginIpType(), attempt, retryAfter(attempt).toSeconds());
        } catch (SchedulerException e) {
            log.warn("could not trigger the WeCom callback IP refresh: {}", e.getMessage());
        }
        return Optional.of(retryAfter(attempt));
    }

    /** {@link #FIRST_RETRY} after the first look, doubling, at most {@link #MAX_RETRY}. */
    static Duration retryAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = FIRST_RETRY.multipliedBy(factor);
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }
}

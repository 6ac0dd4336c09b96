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

/**
 * A fresh install: mdm-service holds no WeCom callback IPs yet, so the gateway refuses every callback —
 * even the URL verification WeCom sends when an admin saves the callback URL — until the six-hourly job
 * first runs. At start-up, while the list is empty, this triggers the job at once and looks again every
 * {@link #RETRY_EVERY}, {@link #ATTEMPTS} times at most. It triggers the clustered Quartz job rather than
 * running the refresh itself, so instances starting together never refresh at the same time, and one
 * that finds the list filled by another does nothing.
 */
@Component
class InitialCallbackIps implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(InitialCallbackIps.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(15);
    static final int ATTEMPTS = 40;

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
            scheduler.schedule(() -> check(1), clock.instant());
        }
    }

    /** Triggers the job when the list is empty (or cannot be read); then looks again, up to {@link #ATTEMPTS}. */
    void check(int attempt) {
        boolean empty;
        try {
            empty = mdm.call("read login IPs", api -> api.getLoginIps(properties.loginIpType())).ips().isEmpty();
        } catch (RuntimeException e) {
            log.info("WeCom callback IPs not checked yet ({}); trying again in {} s", e.getMessage(), RETRY_EVERY.toSeconds());
            again(attempt);
            return;
        }
        if (!empty) {
            return;
        }
        try {
            quartz.triggerJob(JobKey.jobKey(CallbackIpJobConfiguration.JOB));
            log.info("mdm-service holds no WeCom callback IPs ({}): refresh triggered (attempt {} of {})",
                    properties.loginIpType(), attempt, ATTEMPTS);
        } catch (SchedulerException e) {
            log.warn("could not trigger the WeCom callback IP refresh: {}", e.getMessage());
        }
        again(attempt);
    }

    private void again(int attempt) {
        if (attempt >= ATTEMPTS) {
            log.warn("mdm-service still holds no WeCom callback IPs after {} attempts; the job's schedule ({}) takes over",
                    attempt, properties.cron());
            return;
        }
        scheduler.schedule(() -> check(attempt + 1), clock.instant().plus(RETRY_EVERY));
    }
}

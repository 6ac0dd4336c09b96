package io.wecomsync.wx.config;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Applies a changed cron of a {@link LiveCron} job by rescheduling its trigger in the shared job store,
 * so every instance of the cluster follows the new schedule. An invalid expression is refused and the
 * old schedule stays.
 */
@Component
public class LiveCronTriggers implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(LiveCronTriggers.class);

    private final Scheduler scheduler;
    private final Environment environment;
    private final List<LiveCron> jobs;

    LiveCronTriggers(Scheduler scheduler, Environment environment, List<LiveCron> jobs) {
        this.scheduler = scheduler;
        this.environment = environment;
        this.jobs = jobs;
    }

    /** The trigger a job starts with, misfires fired once at once. */
    public static Trigger trigger(String job, String cron) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        for (LiveCron job : jobs) {
            if (event.getKeys().contains(job.property())) {
                reschedule(job);
            }
        }
    }

    private void reschedule(LiveCron job) {
        String cron = environment.getProperty(job.property());
        try {
            if (cron == null || cron.isBlank()) {
                throw new IllegalArgumentException(job.property() + " is empty");
            }
            TriggerKey key = TriggerKey.triggerKey(job.job());
            Trigger current = scheduler.getTrigger(key);
            if (current instanceof CronTrigger cronTrigger && cronTrigger.getCronExpression().equals(cron)) {
                return;
            }
            scheduler.rescheduleJob(key, trigger(job.job(), cron));
            log.info("job {} rescheduled: {}", job.job(), cron);
        } catch (SchedulerException | RuntimeException e) {
            log.error("job {} not rescheduled: {}", job.job(), e.getMessage());
        }
    }
}

package io.wecomsync.wx.ipwhitelist;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Applies a changed {@code wx.jobs.callback-ip.cron} at run time by rescheduling the trigger in the
 * shared job store, so every instance of the cluster follows the new schedule.
 */
@Component
class CallbackIpSchedule implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(CallbackIpSchedule.class);

    private final Scheduler scheduler;
    private final Environment environment;

    CallbackIpSchedule(Scheduler scheduler, Environment environment) {
        this.scheduler = scheduler;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith("wx.jobs.callback-ip."))) {
            return;
        }
        try {
            String cron = Binder.get(environment).bindOrCreate("wx.jobs.callback-ip", CallbackIpJobProperties.class).cron();
            TriggerKey key = TriggerKey.triggerKey(CallbackIpJobConfiguration.JOB);
            Trigger current = scheduler.getTrigger(key);
            if (current instanceof CronTrigger cronTrigger && cronTrigger.getCronExpression().equals(cron)) {
                return;
            }
            scheduler.rescheduleJob(key, TriggerBuilder.newTrigger().withIdentity(key).forJob(CallbackIpJobConfiguration.JOB)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed()).build());
            log.info("callback IP job rescheduled: {}", cron);
        } catch (SchedulerException | RuntimeException e) {
            log.error("callback IP job not rescheduled: {}", e.getMessage());
        }
    }

}

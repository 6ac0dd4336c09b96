package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.config.LiveCron;
import io.wecomsync.wx.config.LiveCronTriggers;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the scheduled reconciliation with Quartz; a changed {@code wx.reconcile.cron} reschedules it at run time. */
@Configuration(proxyBeanMethods = false)
class ReconcileJobConfiguration {

    static final String JOB = "wecom-reconcile";

    @Bean
    JobDetail reconcileJob() {
        return JobBuilder.newJob(ReconcileJob.class).withIdentity(JOB).storeDurably()
                .withDescription("full sync of each corp's directory from WeCom").build();
    }

    @Bean
    Trigger reconcileTrigger(ReconcileProperties properties) {
        return LiveCronTriggers.trigger(JOB, properties.cron());
    }

    @Bean
    LiveCron reconcileCron() {
        return new LiveCron("wx.reconcile.cron", JOB);
    }
}

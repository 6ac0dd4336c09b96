package io.wecomsync.wx.notify;

import io.wecomsync.wx.config.LiveCron;
import io.wecomsync.wx.config.LiveCronTriggers;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the notice job; a changed {@code wx.notify.cron} reschedules it at run time. */
@Configuration(proxyBeanMethods = false)
class AdminNoticeJobConfiguration {

    static final String JOB = "wecom-admin-notices";

    @Bean
    JobDetail adminNoticeJob() {
        return JobBuilder.newJob(AdminNoticeJob.class).withIdentity(JOB).storeDurably()
                .withDescription("message the WeCom admins about conditions that need them").build();
    }

    @Bean
    Trigger adminNoticeTrigger(NotifyProperties properties) {
        return LiveCronTriggers.trigger(JOB, properties.cron());
    }

    @Bean
    LiveCron adminNoticeCron() {
        return new LiveCron("wx.notify.cron", JOB);
    }
}

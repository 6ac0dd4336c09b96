package io.wecomsync.wx.ipwhitelist;

import io.wecomsync.wx.config.LiveCron;
import io.wecomsync.wx.config.LiveCronTriggers;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the job and its cron trigger; Spring Boot's Quartz support schedules them (clustered JDBC
 * store). A changed {@code wx.jobs.callback-ip.cron} reschedules it at run time.
 */
@Configuration(proxyBeanMethods = false)
class CallbackIpJobConfiguration {

    static final String JOB = "wecom-callback-ip";

    @Bean
    JobDetail callbackIpJob() {
        return JobBuilder.newJob(CallbackIpJob.class).withIdentity(JOB).storeDurably()
                .withDescription("refresh WeCom's callback IPs in mdm-service").build();
    }

    @Bean
    Trigger callbackIpTrigger(CallbackIpJobProperties properties) {
        return LiveCronTriggers.trigger(JOB, properties.cron());
    }

    @Bean
    LiveCron callbackIpCron() {
        return new LiveCron("wx.jobs.callback-ip.cron", JOB);
    }
}

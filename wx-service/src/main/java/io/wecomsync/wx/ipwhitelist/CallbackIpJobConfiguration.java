package io.wecomsync.wx.ipwhitelist;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the job and its cron trigger; Spring Boot's Quartz support schedules them (clustered JDBC store). */
@Configuration(proxyBeanMethods = false)
class CallbackIpJobConfiguration {

    static final String JOB = "wecom-callback-ip";

    @Bean
    JobDetail callbackIpJob() {
        return JobBuilder.newJob(CallbackIpJob.class).withIdentity(JOB).storeDurably()
                .withDescription("refresh WeCom's callback IPs in mdm-service").build();
    }

    @Bean
    Trigger callbackIpTrigger(JobDetail callbackIpJob, CallbackIpJobProperties properties) {
        return TriggerBuilder.newTrigger().forJob(callbackIpJob).withIdentity(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron()).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}

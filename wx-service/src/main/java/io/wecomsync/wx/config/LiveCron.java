package io.wecomsync.wx.config;

/**
 * A Quartz job whose cron expression ops may change at run time: {@code property} holds the cron,
 * {@code job} names both the job and its trigger. Declare one as a bean; {@link LiveCronTriggers}
 * reschedules the trigger when the property changes.
 */
public record LiveCron(String property, String job) {
}

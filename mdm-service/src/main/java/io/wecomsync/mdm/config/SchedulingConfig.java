package io.wecomsync.mdm.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} housekeeping (e.g. the applied-event retention). */
@Configuration
@EnableScheduling
class SchedulingConfig {
}

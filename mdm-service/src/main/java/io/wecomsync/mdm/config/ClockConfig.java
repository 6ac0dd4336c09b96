package io.wecomsync.mdm.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        // the database keeps milliseconds; so do we, so an answer shows what a later read will show
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}

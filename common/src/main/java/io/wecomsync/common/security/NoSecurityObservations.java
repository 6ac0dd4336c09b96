package io.wecomsync.common.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security's own observations off, for every service that imports it. With an observation
 * registry present, Spring Security wraps each filter of each chain in an observing decorator (a timer
 * and a span per filter and request); {@code management.observations.enable.spring.security=false}
 * only makes those observations no-ops, the wrapping and its lookups stay on every request — about
 * 3 % of wx-service's callback path in a profile. These settings leave the chains unwrapped. Request
 * metrics ({@code http.server.requests}) are not affected.
 */
@Configuration(proxyBeanMethods = false)
public class NoSecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}

package io.wecomsync.wx.mdm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Resilience4j's registries do not rebuild themselves when the environment changes. This does: when
 * {@code resilience4j.retry.*} or {@code resilience4j.circuitbreaker.*} changes (a Nacos push), the
 * {@value MdmCalls#INSTANCE} retry and circuit breaker are built again from the new settings and
 * replace the old ones; the next call uses them.
 */
@Component
class MdmResilienceSettings implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(MdmResilienceSettings.class);

    private final Environment environment;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;

    MdmResilienceSettings(Environment environment, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        this.environment = environment;
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().anyMatch(key -> key.startsWith("resilience4j.retry."))) {
            rebuildRetry();
        }
        if (event.getKeys().stream().anyMatch(key -> key.startsWith("resilience4j.circuitbreaker."))) {
            rebuildCircuitBreaker();
        }
    }

    private void rebuildRetry() {
        try {
            CommonRetryConfigurationProperties properties = Binder.get(environment)
                    .bindOrCreate("resilience4j.retry", CommonRetryConfigurationProperties.class);
            RetryConfig config = properties.createRetryConfig(MdmCalls.INSTANCE, new CompositeCustomizer<>(List.of()));
            retries.replace(MdmCalls.INSTANCE, Retry.of(MdmCalls.INSTANCE, config));
            log.info("retry '{}' rebuilt: max attempts {}", MdmCalls.INSTANCE, config.getMaxAttempts());
        } catch (RuntimeException e) {
            log.error("retry '{}' kept: the new settings do not bind ({})", MdmCalls.INSTANCE, e.getMessage());
        }
    }

    private void rebuildCircuitBreaker() {
        try {
            CommonCircuitBreakerConfigurationProperties properties = Binder.get(environment)
                    .bindOrCreate("resilience4j.circuitbreaker", CommonCircuitBreakerConfigurationProperties.class);
            CircuitBreakerConfig config = properties.createCircuitBreakerConfig(MdmCalls.INSTANCE,
                    properties.getInstances().get(MdmCalls.INSTANCE), new CompositeCustomizer<>(List.of()));
            circuitBreakers.replace(MdmCalls.INSTANCE, CircuitBreaker.of(MdmCalls.INSTANCE, config));
            log.info("circuit breaker '{}' rebuilt: minimum calls {}", MdmCalls.INSTANCE, config.getMinimumNumberOfCalls());
        } catch (RuntimeException e) {
            log.error("circuit breaker '{}' kept: the new settings do not bind ({})", MdmCalls.INSTANCE, e.getMessage());
        }
    }
}

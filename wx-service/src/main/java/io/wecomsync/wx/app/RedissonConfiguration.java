package io.wecomsync.wx.app;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The Redis client that shares the WeCom access tokens between instances, configured from
 * {@code spring.data.redis.*} ({@link RedissonSettings}), and its health, shown as {@code redis} on
 * {@code /actuator/health} ({@code management.health.redis.enabled=false} turns it off). Redis is not
 * part of readiness: without it the tokens are kept in process.
 * Redisson's Spring Boot starter did this too but brought Spring Data Redis and Commons, ~840
 * classes in metaspace for a {@code RedisTemplate} nothing here uses (BENCHMARKS.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedissonConfiguration {

    /** How long the health check waits for every Redis node to answer PING. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties redis) {
        return Redisson.create(RedissonSettings.from(redis));
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("redis")
    HealthIndicator redisHealthIndicator(RedissonClient redisson) {
        return new RedisHealthIndicator(redisson, PING_TIMEOUT);
    }
}

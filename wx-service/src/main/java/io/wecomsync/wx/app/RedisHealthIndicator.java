package io.wecomsync.wx.app;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Redis is up when every node of the configured kind (one server, sentinel's master and replicas, or the cluster) answers PING in time. */
final class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;
    private final Duration timeout;

    RedisHealthIndicator(RedissonClient redisson, Duration timeout) {
        super("Redis health check failed");
        this.redisson = redisson;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Config config = redisson.getConfig();
        BaseRedisNodes nodes;
        if (config.isClusterConfig()) {
            nodes = redisson.getRedisNodes(RedisNodes.CLUSTER);
            health.withDetail("mode", "cluster");
        } else if (config.isSentinelConfig()) {
            nodes = redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE);
            health.withDetail("mode", "sentinel");
        } else {
            nodes = redisson.getRedisNodes(RedisNodes.SINGLE);
            health.withDetail("mode", "single");
        }
        if (nodes.pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            health.up();
        } else {
            health.down().withDetail("error", "not every node answered PING within " + timeout.toMillis() + " ms");
        }
    }
}

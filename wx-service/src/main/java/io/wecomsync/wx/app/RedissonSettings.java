package io.wecomsync.wx.app;

import org.redisson.config.BaseConfig;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.Config;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.util.StringUtils;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Redisson's settings from Spring Boot's Redis properties ({@code spring.data.redis.*}), the ones
 * operators already set: {@code url} (or {@code host}, {@code port}, {@code username}, {@code password},
 * {@code database}), {@code ssl.enabled}, {@code timeout}, {@code connect-timeout}, {@code client-name},
 * {@code sentinel.*} and {@code cluster.nodes}. As in Spring Boot, the URL wins over host and port,
 * sentinel over cluster over a single server; a user name or password the URL leaves out comes from
 * {@code username} or {@code password} (wx-service's application.yml always sets a URL, so a password set
 * on its own counts). Client-specific settings (Lettuce's and Jedis' pools) do not apply; an SSL bundle is
 * refused (use {@code rediss://} and the JVM's trust store).
 * <p>
 * Redis holds only the WeCom tokens here — a few commands a minute — so the client connects on first
 * use (wx-service starts and takes callbacks while Redis is down), with two threads and a connection or
 * two instead of Redisson's 16 + 32 threads and 24 idle connections.
 */
final class RedissonSettings {

    static final int THREADS = 2;
    static final int IDLE_CONNECTIONS = 1;
    static final int MAX_CONNECTIONS = 8;

    private RedissonSettings() {
    }

    /** Settings for {@code redis}; an invalid value is named in the exception, never shown (it may hold a password). */
    static Config from(RedisProperties redis) {
        if (StringUtils.hasText(redis.getSsl().getBundle())) {
            throw new IllegalStateException("spring.data.redis.ssl.bundle is not supported by wx-service's Redis client: "
                    + "use a rediss:// URL (or spring.data.redis.ssl.enabled=true) and the JVM's trust store");
        }
        Config config = new Config().setLazyInitialization(true).setThreads(THREADS).setNettyThreads(THREADS);
        if (redis.getSentinel() != null) {
            sentinel(config, redis);
        } else if (redis.getCluster() != null) {
            cluster(config, redis);
        } else {
            single(config, redis);
        }
        return config;
    }

    private static void single(Config config, RedisProperties redis) {
        var server = config.useSingleServer()
                .setConnectionMinimumIdleSize(IDLE_CONNECTIONS)
                .setConnectionPoolSize(MAX_CONNECTIONS)
                .setSubscriptionConnectionMinimumIdleSize(IDLE_CONNECTIONS);
        if (StringUtils.hasText(redis.getUrl())) {
            RedisUrl url = RedisUrl.parse(redis.getUrl());
            server.setAddress(redis.getSsl().isEnabled() ? url.address().replaceFirst("^redis://", "rediss://") : url.address())
                    .setUsername(url.username() != null ? url.username() : blankAsNull(redis.getUsername()))
                    .setPassword(url.password() != null ? url.password() : blankAsNull(redis.getPassword()))
                    .setDatabase(url.database() != null ? url.database() : redis.getDatabase());
        } else {
            server.setAddress(scheme(redis) + redis.getHost() + ":" + redis.getPort())
                    .setUsername(blankAsNull(redis.getUsername()))
                    .setPassword(blankAsNull(redis.getPassword()))
                    .setDatabase(redis.getDatabase());
        }
        common(server, redis);
    }

    private static void sentinel(Config config, RedisProperties redis) {
        RedisProperties.Sentinel sentinel = redis.getSentinel();
        if (!StringUtils.hasText(sentinel.getMaster()) || sentinel.getNodes() == null || sentinel.getNodes().isEmpty()) {
            throw new IllegalStateException("spring.data.redis.sentinel needs both master and nodes (host:port, …)");
        }
        var servers = config.useSentinelServers()
                .setMasterName(sentinel.getMaster())
                .addSentinelAddress(addresses(redis, sentinel.getNodes(), "spring.data.redis.sentinel.nodes"))
                .setSentinelUsername(blankAsNull(sentinel.getUsername()))
                .setSentinelPassword(blankAsNull(sentinel.getPassword()))
                .setDatabase(redis.getDatabase())
                .setUsername(blankAsNull(redis.getUsername()))
                .setPassword(blankAsNull(redis.getPassword()));
        smallPools(servers);
        common(servers, redis);
    }

    private static void cluster(Config config, RedisProperties redis) {
        List<String> nodes = redis.getCluster().getNodes();
        if (nodes == null || nodes.isEmpty()) {
            throw new IllegalStateException("spring.data.redis.cluster.nodes is empty: list the cluster's nodes (host:port, …)");
        }
        var servers = config.useClusterServers()
                .addNodeAddress(addresses(redis, nodes, "spring.data.redis.cluster.nodes"))
                .setUsername(blankAsNull(redis.getUsername()))
                .setPassword(blankAsNull(redis.getPassword()));
        smallPools(servers);
        common(servers, redis);
    }

    private static void smallPools(BaseMasterSlaveServersConfig<?> servers) {
        servers.setMasterConnectionMinimumIdleSize(IDLE_CONNECTIONS)
                .setMasterConnectionPoolSize(MAX_CONNECTIONS)
                .setSlaveConnectionMinimumIdleSize(IDLE_CONNECTIONS)
                .setSlaveConnectionPoolSize(MAX_CONNECTIONS)
                .setSubscriptionConnectionMinimumIdleSize(IDLE_CONNECTIONS);
    }

    private static void common(BaseConfig<?> server, RedisProperties redis) {
        if (redis.getTimeout() != null) {
            server.setTimeout(millis(redis.getTimeout()));
        }
        if (redis.getConnectTimeout() != null) {
            server.setConnectTimeout(millis(redis.getConnectTimeout()));
        }
        if (StringUtils.hasText(redis.getClientName())) {
            server.setClientName(redis.getClientName());
        }
    }

    private static String[] addresses(RedisProperties redis, List<String> nodes, String property) {
        return nodes.stream().map(String::trim).map(node -> {
            int colon = node.lastIndexOf(':');
            if (colon <= 0 || colon == node.length() - 1 || !node.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new IllegalStateException(property + " must list host:port entries; '" + node + "' is not one");
            }
            return scheme(redis) + node;
        }).toArray(String[]::new);
    }

    private static String scheme(RedisProperties redis) {
        return redis.getSsl().isEnabled() ? "rediss://" : "redis://";
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static String blankAsNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }

    /** {@code redis[s]://[[username]:password@]host[:port][/database]}, the form Spring Boot reads. */
    record RedisUrl(String address, String username, String password, Integer database) {

        private static final String FORM = "spring.data.redis.url must be redis://[[username]:password@]host[:port][/database] "
                + "or rediss://… (the value is not shown: it may hold a password)";

        static RedisUrl parse(String url) {
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(FORM);
            }
            String scheme = uri.getScheme();
            if (!("redis".equals(scheme) || "rediss".equals(scheme)) || !StringUtils.hasText(uri.getHost())) {
                throw new IllegalStateException(FORM);
            }
            String username = null;
            String password = null;
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                username = colon < 0 ? null : blankAsNull(decode(userInfo.substring(0, colon)));
                password = blankAsNull(decode(colon < 0 ? userInfo : userInfo.substring(colon + 1)));
            }
            return new RedisUrl(scheme + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()),
                    username, password, database(uri.getPath()));
        }

        private static Integer database(String path) {
            if (path == null || path.isEmpty() || "/".equals(path)) {
                return null;
            }
            String index = path.substring(1);
            if (!index.chars().allMatch(Character::isDigit) || index.length() > 5) {
                throw new IllegalStateException(FORM);
            }
            return Integer.valueOf(index);
        }

        private static String decode(String part) {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "RedisUrl[" + address + ", database " + database + "]";
        }
    }
}

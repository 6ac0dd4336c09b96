package io.wecomsync.wx.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.redisson.config.Config;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What operators set under spring.data.redis reaches Redisson; what it cannot read is refused by name. */
class RedissonSettingsTests {

    @Test
    void aUrlGivesAddressCredentialsAndDatabaseAndTheClientConnectsOnFirstUseWithFewThreads() throws Exception {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("redis://ops:s%40cret@redis.internal:6380/3");
        redis.setHost("ignored-when-a-url-is-given");
        redis.setTimeout(Duration.ofMillis(1500));
        redis.setClientName("wx-service");

        Map<String, Object> yaml = yaml(RedissonSettings.from(redis));
        Map<String, Object> server = section(yaml, "singleServerConfig");

        assertThat(server).containsEntry("address", "redis://redis.internal:6380").containsEntry("username", "ops")
                .containsEntry("password", "s@cret").containsEntry("database", 3).containsEntry("timeout", 1500)
                .containsEntry("clientName", "wx-service")
                .containsEntry("connectionMinimumIdleSize", RedissonSettings.IDLE_CONNECTIONS)
                .containsEntry("connectionPoolSize", RedissonSettings.MAX_CONNECTIONS);
        assertThat(yaml).containsEntry("lazyInitialization", true).containsEntry("threads", RedissonSettings.THREADS)
                .containsEntry("nettyThreads", RedissonSettings.THREADS);
    }

    @Test
    void aPasswordAloneInTheUrlIsThePassword() throws Exception {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("rediss://:only-a-password@10.0.0.7");

        Map<String, Object> server = section(yaml(RedissonSettings.from(redis)), "singleServerConfig");

        assertThat(server).containsEntry("address", "rediss://10.0.0.7:6379").containsEntry("password", "only-a-password")
                .containsEntry("database", 0);
        assertThat(server.get("username")).isNull();
    }

    @Test
    void aUrlWithoutCredentialsTakesThePasswordSetOnItsOwn() throws Exception {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("redis://redis:6379");
        redis.setUsername("ops");
        redis.setPassword("set-apart");

        Map<String, Object> server = section(yaml(RedissonSettings.from(redis)), "singleServerConfig");

        assertThat(server).containsEntry("address", "redis://redis:6379").containsEntry("username", "ops")
                .containsEntry("password", "set-apart");
    }

    @Test
    void aUserNameInTheUrlIsKeptBesideThePasswordSetOnItsOwn() throws Exception {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("redis://app:@redis:6379");
        redis.setUsername("not-this-one");
        redis.setPassword("set-apart");

        Map<String, Object> server = section(yaml(RedissonSettings.from(redis)), "singleServerConfig");

        assertThat(server).containsEntry("username", "app").containsEntry("password", "set-apart");
    }

    @Test
    void withoutAUrlHostPortAndSslAreUsed() throws Exception {
        RedisProperties redis = new RedisProperties();
        redis.setHost("cache");
        redis.setPort(6390);
        redis.setDatabase(2);
        redis.setPassword("p");
        redis.getSsl().setEnabled(true);

        Map<String, Object> server = section(yaml(RedissonSettings.from(redis)), "singleServerConfig");

        assertThat(server).containsEntry("address", "rediss://cache:6390").containsEntry("database", 2).containsEntry("password", "p");
    }

    @Test
    void sentinelWinsAndItsNodesGetTheScheme() throws Exception {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("redis://not-used:6379");
        RedisProperties.Sentinel sentinel = new RedisProperties.Sentinel();
        sentinel.setMaster("mymaster");
        sentinel.setNodes(List.of("s1:26379", " s2:26379"));
        sentinel.setPassword("sentinel-secret");
        redis.setSentinel(sentinel);
        redis.setPassword("data-secret");
        redis.setDatabase(1);

        Map<String, Object> yaml = yaml(RedissonSettings.from(redis));
        Map<String, Object> servers = section(yaml, "sentinelServersConfig");

        assertThat(yaml).doesNotContainKey("singleServerConfig");
        assertThat(servers).containsEntry("masterName", "mymaster")
                .containsEntry("sentinelAddresses", List.of("redis://s1:26379", "redis://s2:26379"))
                .containsEntry("sentinelPassword", "sentinel-secret").containsEntry("password", "data-secret")
                .containsEntry("database", 1).containsEntry("masterConnectionPoolSize", RedissonSettings.MAX_CONNECTIONS);
    }

    @Test
    void clusterNodesAreTheClustersAddresses() throws Exception {
        RedisProperties redis = new RedisProperties();
        RedisProperties.Cluster cluster = new RedisProperties.Cluster();
        cluster.setNodes(List.of("c1:7000", "c2:7001"));
        redis.setCluster(cluster);

        Map<String, Object> servers = section(yaml(RedissonSettings.from(redis)), "clusterServersConfig");

        assertThat(servers).containsEntry("nodeAddresses", List.of("redis://c1:7000", "redis://c2:7001"));
    }

    @Test
    void aUrlThatIsNotRedisIsRefusedWithoutShowingIt() {
        for (String url : List.of("http://user:hunter2@host:6379", "redis://user:hunter2@:6379", "redis://user:hunter2@host/db9",
                "redis host hunter2")) {
            RedisProperties redis = new RedisProperties();
            redis.setUrl(url);

            assertThatIllegalStateException().isThrownBy(() -> RedissonSettings.from(redis))
                    .withMessageContaining("spring.data.redis.url must be redis://")
                    .withMessageNotContaining("hunter2");
        }
    }

    @Test
    void nodesThatAreNotHostAndPortAreNamed() {
        RedisProperties redis = new RedisProperties();
        RedisProperties.Cluster cluster = new RedisProperties.Cluster();
        cluster.setNodes(List.of("c1:7000", "c2"));
        redis.setCluster(cluster);

        assertThatIllegalStateException().isThrownBy(() -> RedissonSettings.from(redis))
                .withMessage("spring.data.redis.cluster.nodes must list host:port entries; 'c2' is not one");
    }

    @Test
    void anIncompleteSentinelIsRefused() {
        RedisProperties redis = new RedisProperties();
        RedisProperties.Sentinel sentinel = new RedisProperties.Sentinel();
        sentinel.setNodes(List.of("s1:26379"));
        redis.setSentinel(sentinel);

        assertThatIllegalStateException().isThrownBy(() -> RedissonSettings.from(redis))
                .withMessageContaining("spring.data.redis.sentinel needs both master and nodes");
    }

    @Test
    void anSslBundleIsRefusedRatherThanIgnored() {
        RedisProperties redis = new RedisProperties();
        redis.getSsl().setBundle("redis-ca");

        assertThatIllegalStateException().isThrownBy(() -> RedissonSettings.from(redis))
                .withMessageStartingWith("spring.data.redis.ssl.bundle is not supported");
    }

    private static Map<String, Object> yaml(Config config) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new ObjectMapper(new YAMLFactory()).readValue(config.toYAML(), Map.class);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> yaml, String name) {
        assertThat(yaml).containsKey(name);
        return (Map<String, Object>) yaml.get(name);
    }
}

package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services with no local/test profile — production-style configuration from the environment, as
 * in deploy/docker-compose.yml — pointed at the embedded MariaDB: they start with their secrets set,
 * and refuse to start, naming what is missing, without them.
 */
class ProductionConfigIntegrationTests {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void mdmServiceStartsWithItsSecretsFromTheEnvironmentAndRefusesWithout() throws Exception {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("mdm_prod");
        Map<String, String> env = Map.of(
                "MDM_DB_URL", db.jdbcUrl(), "MDM_DB_USERNAME", db.username(), "MDM_DB_PASSWORD", db.password(),
                "WECOM_JWT_SECRET", "production-style-secret-of-32-bytes-or-more");
        Map<String, String> withKeys = new HashMap<>(env);
        withKeys.putAll(Map.of("MDM_PII_KEYS_K1", KEY, "MDM_PII_ACTIVE_KEY_ID", "k1", "MDM_PII_HASH_KEY", KEY));

        ServiceJar started = ServiceJar.start("mdm-prod", jar("mdm-service"), FreePorts.find(), Path.of("target"), withKeys, List.of());
        try {
            started.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            started.stop();
        }

        ServiceJar refused = ServiceJar.start("mdm-prod-nokeys", jar("mdm-service"), FreePorts.find(), Path.of("target"), env, List.of());
        try {
            awaitExit(refused);
        } finally {
            refused.stop();
        }
        assertThat(Files.readString(Path.of("target", "mdm-prod-nokeys.log"))).contains("MDM_PII_KEYS_");
    }

    private static void awaitExit(ServiceJar service) throws InterruptedException {
        for (int i = 0; i < 240 && service.isAlive(); i++) {
            Thread.sleep(250);
        }
        assertThat(service.isAlive()).as("it refuses to start").isFalse();
    }

    private static Path jar(String module) {
        return Path.of("..", module, "target", module + ".jar");
    }
}

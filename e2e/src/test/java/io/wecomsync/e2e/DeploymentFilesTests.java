package io.wecomsync.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What can be checked of the deployment files without a Docker engine. */
class DeploymentFilesTests {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileDefinesEveryServiceWithAHealthCheckAndSecretsOnlyFromTheEnvironment() throws Exception {
        String text = Files.readString(DEPLOY.resolve("docker-compose.yml"));
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("mysql", "redis", "nacos", "mdm-service", "wx-service", "gateway");
        services.forEach((name, service) -> assertThat(service).as(name + " has a health check").containsKey("healthcheck"));
        for (String service : List.of("mdm-service", "wx-service", "gateway")) {
            assertThat(Files.exists(Path.of("..", service, "Dockerfile"))).as(service + "/Dockerfile").isTrue();
            // readiness, not the overall health: wx-service must stay in service while Redis is down
            assertThat(services.get(service).get("healthcheck").toString()).as(service + " health check")
                    .contains("/actuator/health/readiness");
        }
        assertThat(text).doesNotContainPattern("(?i)(password|secret|key)[A-Z_]*: [A-Za-z0-9+/=]{12,}");
        assertThat(Files.readString(DEPLOY.resolve(".env.example"))).contains("WECOM_JWT_SECRET=\n");
    }

    @Test
    void theNacosExamplesParse() throws Exception {
        try (var files = Files.list(DEPLOY.resolve("nacos"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    assertThat((Object) new Yaml().load(reader)).as(file.toString()).isNotNull();
                }
            }
        }
    }
}

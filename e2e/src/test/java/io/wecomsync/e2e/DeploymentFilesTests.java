package io.wecomsync.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

        assertThat(services).containsKeys("mysql", "redis", "nacos", "mdm-service", "wx-service", "gateway", "console");
        services.forEach((name, service) -> {
            if (!"no".equals(service.get("restart"))) { // one-shot set-up containers finish instead
                assertThat(service).as(name + " has a health check").containsKey("healthcheck");
            }
        });
        for (String service : List.of("mdm-service", "wx-service", "gateway", "console")) {
            // the image starts through the script ServiceImageStartProcessTests runs, from the extracted jar
            assertThat(Files.readString(Path.of("..", service, "Dockerfile"))).as(service + "/Dockerfile")
                    .contains("COPY " + service + "/target/" + service + ".jar app.jar")
                    .contains("-Djarmode=tools -jar app.jar extract --destination app")
                    .contains("ENTRYPOINT [\"/app/start-service.sh\"");
            assertThat(((Map<String, Object>) services.get(service).get("environment")).get("WECOM_CDS_DIR"))
                    .as(service + " trains and maps a class data archive").isEqualTo("/app/cds");
        }
        for (String service : List.of("mdm-service", "wx-service", "gateway")) {
            // readiness, not the overall health: wx-service must stay in service while Redis is down
            assertThat(services.get(service).get("healthcheck").toString()).as(service + " health check")
                    .contains("/actuator/health/readiness");
        }
        assertThat(text).doesNotContainPattern("(?i)(password|secret|key)[A-Z_]*: [A-Za-z0-9+/=]{12,}");
        assertThat(Files.readString(DEPLOY.resolve(".env.example"))).contains("WECOM_JWT_SECRET=\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nacosRunsWithAuthAndTheServicesLogInToItOnTheHealthPathOfItsVersion() throws Exception {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> nacos = services.get("nacos");
        String image = (String) nacos.get("image");

        assertThat(((Map<String, Object>) nacos.get("environment")).get("NACOS_AUTH_ENABLE")).isEqualTo("true");
        assertThat(image).startsWith("nacos/nacos-server:v3.");
        assertThat(nacos.get("healthcheck").toString()).as("Nacos 3 answers 410 on the v1 console API")
                .contains("/nacos/v3/admin/core/state/readiness");
        assertThat(services.get("nacos-init").toString()).contains("/nacos/v3/auth/user/admin");
        for (String service : List.of("mdm-service", "wx-service", "gateway", "console")) {
            Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
            assertThat(env).as(service).containsEntry("SPRING_PROFILES_ACTIVE", "nacos")
                    .containsEntry("NACOS_USERNAME", "nacos").containsKey("NACOS_PASSWORD");
            assertThat(services.get(service).get("depends_on").toString()).as(service).contains("nacos-init");
        }
        assertThat(Files.readString(DEPLOY.resolve(".env.example"))).contains("NACOS_PASSWORD=\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void databaseConnectionsUseTls() throws Exception {
        Map<String, Map<String, Object>> services = services();

        for (String service : List.of("mdm-service", "wx-service")) {
            String prefix = service.equals("mdm-service") ? "MDM" : "WX";
            Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
            assertThat(env).as(service).containsEntry(prefix + "_DB_SSL_MODE", "REQUIRED").doesNotContainKey(prefix + "_DB_URL");
            String defaults = Files.readString(Path.of("..", service, "src", "main", "resources", "application.yml"));
            assertThat(defaults).as(service + " default URL").contains("sslMode=${" + prefix + "_DB_SSL_MODE:REQUIRED}")
                    .doesNotContain("useSSL=false");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
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

    /**
     * Prometheus's own checker, where it is installed (Debian's {@code prometheus} package has it;
     * {@code .ci/run} installs it when it can): the rule file loads, every expression parses.
     */
    @Test
    void theAlertRulesPassPromtool() throws Exception {
        Optional<Path> promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
        assumeTrue(promtool.isPresent(), "promtool is not installed");
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "rules",
                DEPLOY.resolve("observability").resolve("prometheus-alerts.yml").toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }
}

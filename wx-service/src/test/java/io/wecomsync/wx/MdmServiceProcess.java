package io.wecomsync.wx;

import io.wecomsync.infra.embedded.TestInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real mdm-service, run from its jar as a process of its own on the test JVM's MariaDB, so
 * wx-service is tested against the real thing — and so it can be stopped and started mid-test.
 * The reactor builds mdm-service before wx-service's tests run.
 */
public final class MdmServiceProcess {

    private static final Path JAR = Path.of("..", "mdm-service", "target", "mdm-service.jar");

    private final int port;
    private Process process;

    public MdmServiceProcess(int port) {
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw -B verify from the top, "
                    + "or build it first with ./mvnw -B -pl mdm-service -am -DskipTests package");
        }
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("mdm");
        Path log = Path.of("target", "mdm-service-" + port + ".log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--spring.profiles.active=test", "--server.port=" + port,
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--mdm.crm.base-url=",
                "--wecom.security.jwt.secret=" + WxIntegrationTest.TEST_SECRET))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy(log);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mdm-service exited; see " + log.toAbsolutePath());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("mdm-service was not healthy within 90 s; see " + log.toAbsolutePath());
    }
}

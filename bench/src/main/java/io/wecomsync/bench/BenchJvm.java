package io.wecomsync.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JVM options the benchmarks run the services with: those the Dockerfiles ship
 * ({@code JAVA_TOOL_OPTIONS}), unless {@code --jvm "…"} says otherwise.
 */
final class BenchJvm {

    /** What the Dockerfiles set in {@code JAVA_TOOL_OPTIONS} (a test keeps the two equal). */
    static final List<String> SHIPPED = List.of("-XX:+UseSerialGC", "-Xms96m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=80m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    private BenchJvm() {
    }

    /** Extra application arguments for one service, e.g. {@code --wx-args "--wx.inbox.concurrency=16"}. */
    static List<String> arguments(Map<String, String> options, String key) {
        String given = options.get(key);
        return given == null || given.isBlank() ? List.of() : Arrays.stream(given.trim().split("\\s+")).toList();
    }

    static List<String> options(Map<String, String> options) {
        String given = options.get("jvm");
        return given == null ? SHIPPED : Arrays.stream(given.trim().split("\\s+")).toList();
    }
}

package io.wecomsync.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options the benchmarks run each service with: those its Dockerfile ships
 * ({@code JAVA_TOOL_OPTIONS}), unless {@code --jvm "…"} says otherwise for every service; then
 * {@code --<service>-jvm "…"} (e.g. {@code --gateway-jvm "-Xmn48m"}) appended for one service, so that
 * a change to one service's options can be measured beside the others'. {@code {service}} in any
 * option becomes the process's name, so that files named there are one per process (e.g.
 * {@code -Xlog:gc:file=/tmp/gc-{service}.log}).
 */
final class BenchJvm {

    /** What every Dockerfile sets in {@code JAVA_TOOL_OPTIONS} (a test keeps the two equal). */
    static final List<String> SHIPPED = List.of("-XX:+UseSerialGC", "-Xms96m", "-Xmx256m", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=80m", "-Xss512k", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError");

    private final List<String> common;
    private final Map<String, String> options;
    private final Map<String, List<String>> used = new LinkedHashMap<>();

    private BenchJvm(List<String> common, Map<String, String> options) {
        this.common = common;
        this.options = options;
    }

    static BenchJvm of(Map<String, String> options) {
        String given = options.get("jvm");
        return new BenchJvm(given == null ? SHIPPED : words(given), options);
    }

    /** The options {@code service} (a jar's name, e.g. {@code gateway}) starts with. */
    List<String> forService(String service) {
        return forProcess(service, service);
    }

    /**
     * The options a second process of {@code service}'s jar starts with, named {@code process} (e.g. the
     * pass-through reference gateway): the same as the service's, recorded apart.
     */
    List<String> forProcess(String process, String service) {
        List<String> all = new ArrayList<>(common);
        String extra = options.get(service + "-jvm");
        if (extra != null) {
            all.addAll(words(extra));
        }
        List<String> named = all.stream().map(option -> option.replace("{service}", process)).toList();
        used.put(process, named);
        return new ArrayList<>(named);
    }

    /** Each service's options as started so far, for the results file. */
    Map<String, List<String>> used() {
        return used;
    }

    /** Extra application arguments for one service, e.g. {@code --wx-args "--wx.inbox.concurrency=16"}. */
    static List<String> arguments(Map<String, String> options, String key) {
        String given = options.get(key);
        return given == null || given.isBlank() ? List.of() : words(given);
    }

    private static List<String> words(String given) {
        return given.isBlank() ? List.of() : Arrays.stream(given.trim().split("\\s+")).toList();
    }
}

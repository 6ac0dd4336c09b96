package io.wecomsync.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar bench/target/bench.jar <benchmark> [--option value …]}, run from the repository
 * root after {@code ./mvnw -B -DskipTests package}; results go to {@code bench/results/}.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        Path repository = Path.of("").toAbsolutePath();
        String benchmark = words.isEmpty() ? "" : words.get(0);
        Results results;
        switch (benchmark) {
            case "reconcile" -> results = new ReconcileBenchmark(repository, options).run();
            case "ingest" -> results = new IngestBenchmark(repository, options).run();
            case "apply" -> results = new ApplyBenchmark(repository, options).run();
            default -> {
                System.err.println("""
                        usage: java -jar bench/target/bench.jar <benchmark> [options]
                          reconcile [--users 50000] [--departments 2000] [--tags 20]
                          ingest    [--references all|none] [--warmup 90] [--measure 30] [--repeat 2] [--connections 32] [--rates 200,1000] [--open-connections 64] [--latency-seconds 60]
                          apply     [--warmup 120] [--events 20000] [--users 5000] [--lag-rate 200] [--lag-seconds 300] [--repeat 2]
                        every benchmark: [--jvm "JVM options"] [--gateway-jvm "added for one service"] [--wx-args "…"] [--mdm-args "…"]""");
                System.exit(2);
                return;
            }
        }
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("written to " + results.write(repository.resolve("bench/results")));
        System.exit(0);
    }
}

package io.wecomsync.bench;

import java.nio.file.Path;

/**
 * {@code java -jar bench/target/bench.jar <benchmark> [--option value …]}, run from the repository
 * root after {@code ./mvnw -B -DskipTests package}; results go to {@code bench/results/}.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        Results results;
        try {
            BenchOptions options = BenchOptions.parse(args);
            results = switch (options.benchmark()) {
                case "reconcile" -> new ReconcileBenchmark(repository, options.readBy(ReconcileBenchmark.OPTIONS)).run();
                case "ingest" -> new IngestBenchmark(repository, options.readBy(IngestBenchmark.OPTIONS)).run();
                case "apply" -> new ApplyBenchmark(repository, options.readBy(ApplyBenchmark.OPTIONS)).run();
                default -> throw new IllegalArgumentException(options.benchmark().isEmpty()
                        ? "which benchmark?" : "no benchmark called " + options.benchmark());
            };
        } catch (IllegalArgumentException wrongCommand) {
            System.err.println(wrongCommand.getMessage());
            System.err.println("""
                    usage: java -jar bench/target/bench.jar <benchmark> [options]
                      reconcile [--users 50000] [--departments 2000] [--tags 20] [--wx-args "…"] [--mdm-args "…"]
                      ingest    [--references all|none] [--warmup 90] [--measure 30] [--repeat 2] [--connections 32] [--rates 200,1000] [--open-connections 64] [--latency-seconds 60] [--wxjava-demo-jvm "…"]
                      apply     [--warmup 120] [--events 20000] [--users 5000] [--lag-rate 200] [--lag-seconds 300] [--repeat 2] [--jars <checkout>] [--wx-args "…"]
                    every benchmark: [--jvm "JVM options"] [--gateway-jvm "added for one service"] (also --wx-service-jvm, --mdm-service-jvm)""");
            System.exit(2);
            return;
        }
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("written to " + results.write(repository.resolve("bench/results")));
        System.exit(0);
    }
}

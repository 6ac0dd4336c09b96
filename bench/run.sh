#!/usr/bin/env bash
# Runs wecom-sync's benchmarks on the embedded default and writes bench/results/<name>-<time>.md and .json.
#   bench/run.sh                 every benchmark (about an hour on 2 cores)
#   bench/run.sh ingest apply    just those; options after "--" go to each, e.g. -- --repeat 1
# Benchmarks: ingest (scenarios 1-2), apply (3 and 5), crypto (4, JMH), reconcile (issue 5).
set -euo pipefail
cd "$(dirname "$0")/.."

benchmarks=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do benchmarks+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#benchmarks[@]} -eq 0 ] && benchmarks=(crypto ingest apply reconcile)

echo "building (tests skipped)…"
./mvnw -B -q -DskipTests install

for benchmark in "${benchmarks[@]}"; do
  echo "=== $benchmark"
  if [ "$benchmark" = crypto ]; then
    ./mvnw -B -q -pl wx-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
    mkdir -p bench/results
    out="bench/results/crypto-$(date +%Y%m%d-%H%M%S)"
    java -cp "wx-service/target/test-classes:wx-service/target/classes:$(cat wx-service/target/bench-classpath.txt)" \
      org.openjdk.jmh.Main CallbackCryptoBenchmark -rf json -rff "$out.json" "$@" | tee "$out.txt"
  else
    java -jar bench/target/bench.jar "$benchmark" "$@"
  fi
done

package io.wecomsync.bench;

import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.Directory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issue 7, scenarios 1 and 2: how many callbacks a second the gateway → wx-service path accepts and
 * stores durably (32 connections, closed loop), next to three references measured in the same run — a
 * gateway routing to an endpoint that only reads the body, a bare WxJava receiver called directly, and
 * the WxJava demo on Spring MVC + Tomcat in its own JVM (module {@code wxjava-demo}), and wx-service
 * called directly (the same durable path without the gateway's hop) — then latency
 * at fixed offered rates (open loop). The worker is off: this is the receiving path alone
 * (scenario 3 measures applying). Afterwards every accepted callback must be stored exactly once.
 */
final class IngestBenchmark {

    /** The options this benchmark reads, beside {@link BenchOptions#JVM}. */
    static final Set<String> OPTIONS = Set.of("references", "warmup", "measure", "repeat", "connections", "rates", "open-connections",
            "latency-seconds", "wxjava-demo-jvm");

    private final Path repository;
    private final BenchJvm jvm;
    private final Duration warmUp;
    private final Duration measure;
    private final int repeat;
    private final int connections;
    /** The open loop's connections (wrk2-style: callbacks wait for a free one, and that wait counts as latency). */
    private final int openConnections;
    private final Duration latencyFor;
    private final List<Double> rates = new ArrayList<>();
    /** Whether the three references are measured too ({@code --references none}: only wecom-sync, for quick trials). */
    private final boolean references;

    IngestBenchmark(Path repository, Map<String, String> options) {
        this.repository = repository;
        this.jvm = BenchJvm.of(options);
        this.warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "90")));
        this.measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("measure", "30")));
        this.repeat = Integer.parseInt(options.getOrDefault("repeat", "2"));
        this.connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        this.openConnections = Integer.parseInt(options.getOrDefault("open-connections", String.valueOf(CallbackLoad.OPEN_CONNECTIONS)));
        this.latencyFor = Duration.ofSeconds(Long.parseLong(options.getOrDefault("latency-seconds", "60")));
        this.references = !options.getOrDefault("references", "all").equals("none");
        for (String rate : options.getOrDefault("rates", "200,1000").split(",")) {
            rates.add(Double.parseDouble(rate.strip()));
        }
    }

    Results run() throws Exception {
        Results results = new Results("ingest");
        results.raw("jvmOptions", jvm.used()); // filled in as the services start
        results.raw("connections", connections);
        results.raw("openLoopConnections", openConnections);
        Path work = repository.resolve("bench/work/ingest");
        int passThroughPort = FreePorts.find();
        int wxJavaPort = FreePorts.find();
        try (BenchSystem system = BenchSystem.start(work, new Directory());
             ReferenceServers referenceServers = new ReferenceServers(passThroughPort, wxJavaPort)) {
            system.startService(repository, "mdm-service", jvm.forService("mdm-service"), List.of());
            system.startService(repository, "wx-service", jvm.forService("wx-service"), List.of("--wx.inbox.worker-enabled=false",
                    "--wx.reconcile.initial-load-when-empty=false"));
            system.startService(repository, "gateway", jvm.forService("gateway"), List.of());
            if (references) {
                system.startService(repository, "gateway", "gateway-passthrough", Map.of("WX_PORT", String.valueOf(passThroughPort)),
                        jvm.forProcess("gateway-passthrough", "gateway"), List.of());
                // the receiver most projects start from, in its own JVM with the same settings as ours
                system.startService(repository, "wxjava-demo", jvm.forService("wxjava-demo"), List.of());
            }

            CallbackLoad ours = load(system.url("gateway") + "/wx/callback/" + BenchSystem.AGENT, "ours");
            CallbackLoad direct = load(system.url("wx-service") + "/callback/" + BenchSystem.AGENT, "direct");
            Map<String, CallbackLoad> targets = new TreeMap<>(Map.of("1 wecom-sync (gateway → wx-service → inbox)", ours));
            if (references) {
                targets.put("1a pass-through gateway", load(system.url("gateway-passthrough") + "/wx/callback/" + BenchSystem.AGENT, "pass"));
                targets.put("1b WxJava-only receiver", load("http://127.0.0.1:" + wxJavaPort + "/callback", "wxjava"));
                targets.put("1c WxJava demo (Spring MVC + Tomcat, own JVM)",
                        load(system.url("wxjava-demo") + "/wx/cp/portal/" + BenchSystem.AGENT, "demo"));
                // the same path without the gateway's hop: wx-service's own door, beside the demo's
                targets.put("1d wecom-sync without the gateway (wx-service → inbox)", direct);
            }

            Map<String, List<Map<String, Object>>> ceiling = new LinkedHashMap<>();
            for (int round = 1; round <= repeat; round++) {
                // the first round warms each JVM up for the full time; later rounds only settle
                Duration warm = round == 1 ? warmUp : Duration.ofSeconds(Math.min(15, warmUp.toSeconds()));
                for (Map.Entry<String, CallbackLoad> target : targets.entrySet()) {
                    say("round " + round + ": " + target.getKey() + ", " + connections + " connections, warm-up " + warm.toSeconds() + " s");
                    CallbackLoad.Outcome outcome = target.getValue().closed(connections, warm, measure);
                    say("  " + outcome.figures());
                    ceiling.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(outcome.figures());
                }
            }
            results.raw("ceiling", ceiling);
            ceiling.forEach((name, rounds) -> {
                results.row("ceiling " + name, "scenario " + name + ": accepted/s (each round)", column(rounds, "acceptedPerSecond"), "");
                results.row("ceiling p99 " + name, "scenario " + name + ": p99 ms (each round)", column(rounds, "p99Ms"), "");
            });

            Map<String, List<Map<String, Object>>> latency = new LinkedHashMap<>();
            for (double rate : rates) {
                for (int round = 1; round <= repeat; round++) {
                    say("round " + round + ": wecom-sync at " + rate + "/s offered for " + latencyFor.toSeconds() + " s over "
                            + openConnections + " connections");
                    CallbackLoad.Outcome outcome = ours.offered(rate, openConnections, Duration.ofSeconds(5), latencyFor);
                    say("  " + outcome.figures());
                    latency.computeIfAbsent(String.valueOf((int) rate), k -> new ArrayList<>()).add(outcome.figures());
                }
            }
            results.raw("latency", latency);
            latency.forEach((rate, rounds) -> {
                results.row("latency accepted " + rate, "scenario 2 at " + rate + "/s: answered 200 of sent",
                        String.join(" / ", rounds.stream().map(r -> r.get("accepted") + " of " + r.get("sent")).toList()), "all");
                results.row("latency p50 " + rate, "scenario 2 at " + rate + "/s: p50 ms", column(rounds, "p50Ms"), "");
                results.row("latency p99 " + rate, "scenario 2 at " + rate + "/s: p99 ms", column(rounds, "p99Ms"),
                        rate.equals("200") ? "≤ 20" : "");
                results.row("latency p999 " + rate, "scenario 2 at " + rate + "/s: p99.9 ms", column(rounds, "p999Ms"), "");
                results.row("latency over1s " + rate, "scenario 2 at " + rate + "/s: answers slower than 1 s", column(rounds, "over1s"),
                        rate.equals("1000") ? "0" : "");
            });

            system.residentMiB().forEach((service, mib) ->
                    results.row("rss " + service, service + " resident memory after the runs (MiB)", mib, ""));
            long accepted = ours.acceptedTotal() + direct.acceptedTotal();
            long stored = count(system, "SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'CALLBACK'");
            results.row("acceptedTotal", "callbacks wecom-sync answered 200 (all phases, with and without the gateway)", accepted, "");
            results.row("storedTotal", "callbacks stored in the inbox", stored, "= accepted");
            say("accepted " + accepted + ", stored " + stored);
        }
        return results;
    }

    private static CallbackLoad load(String url, String prefix) {
        CallbackSender signer = new CallbackSender(url, BenchSystem.CORP, BenchSystem.CALLBACK_TOKEN, BenchSystem.AES_KEY,
                BenchSystem.AGENT, Duration.ZERO);
        return new CallbackLoad(signer, new LoadMessages(prefix, 5000));
    }

    private static String column(List<Map<String, Object>> rounds, String key) {
        return String.join(" / ", rounds.stream().map(r -> String.valueOf(r.get(key))).toList());
    }

    private static long count(BenchSystem system, String sql) throws Exception {
        try (Connection connection = system.database("wecom_wx"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}

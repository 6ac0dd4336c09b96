package io.wecomsync.bench;

import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.Directory;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 7, scenarios 3 and 5: a burst of {@code events} callbacks over {@code users} users through the
 * gateway and how fast they are applied to mdm-service; then receive-to-applied lag while
 * {@code lag-rate} callbacks a second arrive for {@code lag-seconds}; then each service's resident
 * memory and the system's start-up time. A warm-up of {@code warmup} seconds at 150 callbacks/s
 * comes first and is not counted. Afterwards each callback must have been applied exactly once
 * (one USER_UPSERT operation-log entry per inbox event).
 */
final class ApplyBenchmark {

    /** The options this benchmark reads, beside {@link BenchOptions#JVM}. */
    static final Set<String> OPTIONS = Set.of("warmup", "events", "users", "lag-rate", "lag-seconds", "repeat", "jars", "wx-args");

    private final Path repository;
    private final BenchJvm jvm;
    private final List<String> wxArgs;
    private final int events;
    private final int users;
    private final double lagRate;
    private final Duration lagFor;
    private final int repeat;
    /** The checkout whose service jars are run: another build's, for a before/after figure. */
    private final Path jars;
    private final Duration warmUp;

    ApplyBenchmark(Path repository, Map<String, String> options) {
        this.repository = repository;
        this.jvm = BenchJvm.of(options);
        this.wxArgs = BenchJvm.arguments(options, "wx-args");
        this.events = Integer.parseInt(options.getOrDefault("events", "20000"));
        this.users = Integer.parseInt(options.getOrDefault("users", "5000"));
        this.lagRate = Double.parseDouble(options.getOrDefault("lag-rate", "200"));
        this.lagFor = Duration.ofSeconds(Long.parseLong(options.getOrDefault("lag-seconds", "300")));
        this.repeat = Integer.parseInt(options.getOrDefault("repeat", "2"));
        this.jars = Path.of(options.getOrDefault("jars", repository.toString())).toAbsolutePath();
        this.warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "120")));
    }

    Results run() throws Exception {
        Results results = new Results("apply");
        results.raw("jvmOptions", jvm.used()); // filled in as the services start
        results.raw("wxArguments", wxArgs);
        Path work = repository.resolve("bench/work/apply");
        results.raw("jars", jars.toString());
        try (BenchSystem system = BenchSystem.start(work, new Directory());
             StubCrm crm = new StubCrm(FreePorts.find())) {
            long start = System.nanoTime();
            system.startService(jars, "mdm-service", jvm.forService("mdm-service"), List.of("--mdm.crm.base-url=" + crm.url()));
            List<String> wx = new ArrayList<>(List.of("--wx.reconcile.initial-load-when-empty=false"));
            wx.addAll(wxArgs);
            system.startService(jars, "wx-service", jvm.forService("wx-service"), wx);
            system.startService(jars, "gateway", jvm.forService("gateway"), List.of());
            double startUp = seconds(start);
            String url = system.url("gateway") + "/wx/callback/" + BenchSystem.AGENT;

            // the JIT needs 80-90 s of real work on two cores before the figures mean anything
            say("warm-up: 150 callbacks/s for " + warmUp.toSeconds() + " s (not counted)");
            new CallbackLoad(signer(url), new LoadMessages("warm", users)).offered(150, CallbackLoad.OPEN_CONNECTIONS, Duration.ZERO, warmUp);
            awaitApplied(system, "warm");

            List<String> drain = new ArrayList<>();
            List<String> allEvents = new ArrayList<>();
            List<String> burst = new ArrayList<>();
            List<String> crmDeliveries = new ArrayList<>();
            for (int round = 1; round <= repeat; round++) {
                String prefix = "burst" + round;
                say("round " + round + ": " + events + " callbacks over " + users + " users, 32 connections");
                CallbackLoad load = new CallbackLoad(signer(url), new LoadMessages(prefix, users));
                long doneBefore = count(system, "SELECT COUNT(*) FROM wx_inbox_event WHERE status = 'DONE'");
                long crmBefore = crm.received();
                long from = System.nanoTime();
                CallbackLoad.Outcome sent = load.burst(events, 32);
                double sentSeconds = seconds(from);
                awaitApplied(system, prefix);
                double appliedSeconds = seconds(from);
                say("  sent in " + sentSeconds + " s (" + sent.figures() + "), all applied after " + appliedSeconds + " s");
                long done = count(system, "SELECT COUNT(*) FROM wx_inbox_event WHERE status = 'DONE'") - doneBefore;
                drain.add(String.valueOf(Math.round(events / appliedSeconds)));
                allEvents.add(Math.round(done / appliedSeconds) + " (" + done + " events)");
                burst.add(String.valueOf(sentSeconds));
                crmDeliveries.add(String.valueOf(crm.received() - crmBefore));
            }
            results.row("applyPerSecond", "scenario 3: " + events + " callbacks over " + users
                    + " users, applied per second, CRM deliveries included (each round)", String.join(" / ", drain), "≥ 500");
            results.row("allEventsPerSecond", "scenario 3: inbox events applied per second (each round)",
                    String.join(" / ", allEvents), "");
            results.row("burstSendSeconds", "scenario 3: the " + events + " callbacks accepted within (s)", String.join(" / ", burst), "");
            results.row("crmDeliveries", "scenario 3: users POSTed to the stub CRM in each round (changes of one user"
                    + " waiting together coalesce)", String.join(" / ", crmDeliveries),
                    "≥ 1 per user, ≤ 1 per change (" + users + "–" + events + ")");

            List<String> p50 = new ArrayList<>();
            List<String> p99 = new ArrayList<>();
            for (int round = 1; round <= repeat; round++) {
                String prefix = "lag" + round;
                say("round " + round + ": " + lagRate + " callbacks/s for " + lagFor.toSeconds() + " s");
                CallbackLoad load = new CallbackLoad(signer(url), new LoadMessages(prefix, users));
                CallbackLoad.Outcome sent = load.offered(lagRate, CallbackLoad.OPEN_CONNECTIONS, Duration.ZERO, lagFor);
                awaitApplied(system, prefix);
                Histogram lag = lag(system, prefix);
                say("  sent " + sent.figures() + "; lag p50 " + lag.getValueAtPercentile(50) / 1000 + " ms, p99 "
                        + lag.getValueAtPercentile(99) / 1000 + " ms");
                p50.add(String.valueOf(lag.getValueAtPercentile(50) / 1000));
                p99.add(String.valueOf(lag.getValueAtPercentile(99) / 1000));
            }
            results.row("lagP50Ms", "scenario 3: receive → applied lag at " + (int) lagRate + "/s, p50 ms", String.join(" / ", p50), "");
            results.row("lagP99Ms", "scenario 3: receive → applied lag at " + (int) lagRate + "/s, p99 ms", String.join(" / ", p99), "≤ 2000");

            long[] once = appliedOnce(system);
            results.row("callbacksDone", "callbacks applied (inbox DONE)", once[0], "all sent");
            results.row("upsertsLogged", "USER_UPSERT log entries for them / distinct events", once[1] + " / " + once[2], "= applied");
            Map<String, Long> rss = system.residentMiB();
            rss.forEach((service, mib) -> results.row("rss " + service, "scenario 5: " + service + " resident memory (MiB)", mib, "≤ 300"));
            results.row("startUpSeconds", "scenario 5: start-up of mdm-service, wx-service and gateway one after another (s)", startUp, "");
            results.raw("startSeconds", system.startSeconds());
        }
        return results;
    }

    private static CallbackSender signer(String url) {
        return new CallbackSender(url, BenchSystem.CORP, BenchSystem.CALLBACK_TOKEN, BenchSystem.AES_KEY, BenchSystem.AGENT,
                Duration.ZERO);
    }

    /**
     * Waits until no inbox event is unfinished and mdm-service's CRM outbox has nothing left to deliver
     * (an older build without the outbox: the inbox alone, its CRM pushes being inbox events).
     */
    private static void awaitApplied(BenchSystem system, String prefix) throws Exception {
        long lastSay = System.nanoTime();
        while (true) {
            long open = count(system, "SELECT COUNT(*) FROM wx_inbox_event WHERE status IN ('PENDING', 'FAILED', 'PROCESSING')")
                    + outboxPending(system);
            if (open == 0) {
                return;
            }
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(10)) {
                say("    … " + open + " events still to apply");
                lastSay = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static Histogram lag(BenchSystem system, String prefix) throws SQLException {
        Histogram lag = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        try (Connection connection = system.database("wecom_wx");
             PreparedStatement statement = connection.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, received_at, done_at) "
                     + "FROM wx_inbox_event WHERE source = 'CALLBACK' AND status = 'DONE' AND entity_key LIKE ?")) {
            statement.setString(1, "user:" + BenchSystem.CORP + ":" + prefix + "-%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lag.recordValue(Math.max(0, rows.getLong(1)));
                }
            }
        }
        return lag;
    }

    /** Callbacks DONE; USER_UPSERT entries for inbox events; distinct inbox events among them. */
    private static long[] appliedOnce(BenchSystem system) throws SQLException {
        long done = count(system, "SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'CALLBACK' AND status = 'DONE'");
        try (Connection connection = system.database("wecom_mdm");
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT source_event_id) "
                     + "FROM mdm_oper_log WHERE action = 'USER_UPSERT' AND source_event_id LIKE 'inbox-%'");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new long[]{done, rows.getLong(1), rows.getLong(2)};
        }
    }

    private static long outboxPending(BenchSystem system) {
        try (Connection connection = system.database("wecom_mdm");
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM mdm_outbox WHERE status = 'PENDING'");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException noOutboxInThisBuild) {
            return 0;
        }
    }

    private static long count(BenchSystem system, String sql) throws SQLException {
        try (Connection connection = system.database("wecom_wx");
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}

package io.wecomsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.simulator.Directory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's benchmark: a generated directory (default 50,000 users in 2,000 departments) loaded into an
 * empty mdm-service by one reconciliation run, against the simulator with no rate limit; then a second
 * run with nothing changed, which must store nothing.
 */
final class ReconcileBenchmark {

    /** The options this benchmark reads, beside {@link BenchOptions#JVM}. */
    static final Set<String> OPTIONS = Set.of("users", "departments", "tags", "wx-args", "mdm-args");

    private final Path repository;
    private final int users;
    private final int departments;
    private final int tags;
    private final BenchJvm jvm;
    private final List<String> wxArgs;
    private final List<String> mdmArgs;

    ReconcileBenchmark(Path repository, Map<String, String> options) {
        this.repository = repository;
        this.users = Integer.parseInt(options.getOrDefault("users", "50000"));
        this.departments = Integer.parseInt(options.getOrDefault("departments", "2000"));
        this.tags = Integer.parseInt(options.getOrDefault("tags", "20"));
        this.jvm = BenchJvm.of(options);
        this.wxArgs = BenchJvm.arguments(options, "wx-args");
        this.mdmArgs = BenchJvm.arguments(options, "mdm-args");
    }

    Results run() throws Exception {
        Directory directory = GeneratedDirectory.of(users, departments, tags);
        Results results = new Results("reconcile");
        results.raw("users", users);
        results.raw("departments", departments);
        results.raw("tags", tags);
        results.raw("jvmOptions", jvm.used()); // filled in as the services start
        results.raw("wxArguments", wxArgs);
        results.raw("mdmArguments", mdmArgs);
        Path work = repository.resolve("bench/work/reconcile");
        try (BenchSystem system = BenchSystem.start(work, directory)) {
            system.startService(repository, "mdm-service", jvm.forService("mdm-service"), mdmArgs);
            List<String> wx = new java.util.ArrayList<>(List.of("--wx.reconcile.initial-load-when-empty=false",
                    "--wx.reconcile.rate-per-minute=0"));
            wx.addAll(wxArgs);
            system.startService(repository, "wx-service", jvm.forService("wx-service"), wx);
            Http http = new Http();
            String runs = system.url("wx-service") + "/admin/reconcile/runs";

            say("run 1: " + users + " users, " + departments + " departments, " + tags + " tags into an empty mdm-service");
            long start = System.nanoTime();
            long id = http.post(runs + "?corpId=" + BenchSystem.CORP).path("data").path("id").asLong();
            JsonNode first = await(http, runs + "/" + id);
            double runSeconds = seconds(start);
            say("  run ended " + first.path("status").asText() + " after " + runSeconds + " s: " + first.path("counts"));
            double loadedSeconds = awaitCount(system, "wecom_mdm", "SELECT COUNT(*) FROM mdm_user WHERE deleted = 0", users, start);
            say("  mdm-service holds all " + users + " users after " + loadedSeconds + " s");
            double drainedSeconds = awaitCount(system, "wecom_wx",
                    "SELECT COUNT(*) FROM wx_inbox_event WHERE status IN ('PENDING', 'FAILED', 'PROCESSING')", 0, start);
            say("  inbox drained (CRM pushes included) after " + drainedSeconds + " s");
            int dead = count(system, "wecom_wx", "SELECT COUNT(*) FROM wx_inbox_event WHERE status = 'DEAD'");
            int departmentsHeld = count(system, "wecom_mdm", "SELECT COUNT(*) FROM mdm_department WHERE deleted = 0");

            say("run 2: nothing changed");
            int eventsBefore = count(system, "wecom_wx", "SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'RECONCILE'");
            long second = System.nanoTime();
            long id2 = http.post(runs + "?corpId=" + BenchSystem.CORP).path("data").path("id").asLong();
            JsonNode again = await(http, runs + "/" + id2);
            double secondSeconds = seconds(second);
            int eventsAfter = count(system, "wecom_wx", "SELECT COUNT(*) FROM wx_inbox_event WHERE source = 'RECONCILE'");
            say("  run ended " + again.path("status").asText() + " after " + secondSeconds + " s: " + again.path("counts"));

            results.row("run1RunSeconds", "run 1: read, compare and store the differences (s)", runSeconds, "");
            results.row("run1LoadedSeconds", "run 1: until mdm-service holds every user (s)", loadedSeconds, "≤ 120");
            results.row("run1DrainedSeconds", "run 1: until the inbox is drained, CRM pushes included (s)", drainedSeconds, "");
            results.row("run1Created", "run 1: created", first.path("counts").path("created").asInt(), users + departments + tags + "");
            results.row("run1Dead", "run 1: events DEAD", dead, "0");
            results.row("departmentsHeld", "departments in mdm-service", departmentsHeld, String.valueOf(departments));
            results.row("run2Seconds", "run 2 (nothing changed): whole run (s)", secondSeconds, "≤ 30");
            results.row("run2Written", "run 2: events stored", eventsAfter - eventsBefore, "0");
            results.row("run2Unchanged", "run 2: unchanged", again.path("counts").path("unchanged").asInt(),
                    users + departments + tags + "");
            results.raw("run1", first);
            results.raw("run2", again);
        }
        return results;
    }

    private static JsonNode await(Http http, String url) throws Exception {
        while (true) {
            JsonNode run = http.get(url).path("data");
            if (!run.path("status").asText().equals("RUNNING")) {
                return run;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static double awaitCount(BenchSystem system, String database, String sql, int expected, long start) throws Exception {
        long lastSay = System.nanoTime();
        while (true) {
            int now = count(system, database, sql);
            if (now == expected) {
                return seconds(start);
            }
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(10)) {
                say("    … " + now + " (waiting for " + expected + ")");
                lastSay = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static int count(BenchSystem system, String database, String sql) throws SQLException {
        try (Connection connection = system.database(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}

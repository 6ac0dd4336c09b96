package io.wecomsync.bench;

import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.EmbeddedMariaDb;
import io.wecomsync.infra.embedded.EmbeddedRedis;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * wecom-sync as the benchmarks run it: a fresh embedded MariaDB and Redis, the WeCom simulator over a
 * given directory, and the service jars with the {@code local} profile (the demo corp) and the JVM
 * options given — the shipped ones, not the tests' quick-start ones.
 */
final class BenchSystem implements AutoCloseable {

    static final String CORP = "wwlocaldemo0000001";
    static final int AGENT = 1000002;
    static final String CALLBACK_TOKEN = "localDemoToken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String JWT_SECRET = "local-development-secret-not-for-production-use";

    private final Path work;
    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedRedis redis;
    private final WeComApiServer simulator;
    private final Map<String, ServiceJar> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();
    private boolean closed;

    private BenchSystem(Path work, EmbeddedMariaDb mariaDb, EmbeddedRedis redis, WeComApiServer simulator) {
        this.work = work;
        this.mariaDb = mariaDb;
        this.redis = redis;
        this.simulator = simulator;
    }

    /** Starts the infrastructure and the simulator; services come with {@link #startService}. */
    static BenchSystem start(Path work, Directory directory) throws IOException {
        Files.createDirectories(work);
        EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(FreePorts.find(), null, null);
        mariaDb.createDatabase("wecom_mdm");
        mariaDb.createDatabase("wecom_wx");
        EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.find(), null);
        WeComApiServer simulator = new WeComApiServer(directory, CORP, FreePorts.find());
        BenchSystem system = new BenchSystem(work, mariaDb, redis, simulator);
        // Ctrl-C or a kill must not leave the service processes running
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bench-system-stop"));
        return system;
    }

    /** Starts {@code service} from its jar in the repository and waits until it is healthy. */
    ServiceJar startService(Path repository, String service, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        return startService(repository, service, service, Map.of(), jvmOptions, arguments);
    }

    /**
     * Starts {@code jar}'s service as {@code instance} (e.g. a second gateway), with {@code env} on top of
     * the local profile's variables — e.g. {@code WX_PORT} to route a gateway somewhere else.
     */
    ServiceJar startService(Path repository, String jar, String instance, Map<String, String> env, List<String> jvmOptions,
                            List<String> arguments) throws IOException, InterruptedException {
        Map<String, String> variables = new LinkedHashMap<>(Map.of(
                "LOCAL_MARIADB_PORT", String.valueOf(mariaDb.port()),
                "LOCAL_REDIS_PORT", String.valueOf(redis.port()),
                "MDM_PORT", String.valueOf(port("mdm-service")),
                "WX_PORT", String.valueOf(port("wx-service")),
                "LOCAL_SIMULATOR_PORT", String.valueOf(java.net.URI.create(simulator.baseUrl()).getPort())));
        variables.put("MALLOC_ARENA_MAX", "2"); // as the Dockerfiles ship
        variables.putAll(env);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=local"));
        args.addAll(arguments);
        long start = System.nanoTime();
        ServiceJar service = ServiceJar.start(instance, repository.resolve(jar).resolve("target").resolve(jar + ".jar"),
                port(instance), work.resolve("logs"), variables, jvmOptions, args);
        services.put(instance, service);
        service.awaitHealthy(Duration.ofSeconds(180));
        startSeconds.put(instance, Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        return service;
    }

    /** The port {@code instance} listens on (chosen on first ask). */
    synchronized int port(String instance) {
        return ports.computeIfAbsent(instance, name -> FreePorts.find());
    }

    /** Seconds from launching each instance to its first healthy answer. */
    Map<String, Double> startSeconds() {
        return startSeconds;
    }

    /** Resident memory of each running instance, in MiB (Linux). */
    Map<String, Long> residentMiB() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceJar> service : services.entrySet()) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(service.getValue().pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss.put(service.getKey(), Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        }
        return rss;
    }

    String url(String instance) {
        return "http://127.0.0.1:" + port(instance);
    }

    ServiceJar service(String name) {
        return services.get(name);
    }

    WeComApiServer simulator() {
        return simulator;
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(mariaDb.jdbcUrl(name), EmbeddedMariaDb.USER, "");
    }

    /** An operator token for the local profile's secret. */
    static String token() {
        return new TokenMinter(JWT_SECRET, Clock.systemUTC()).mint("bench", String.join(" ", Scopes.ADMIN, Scopes.MDM_READ,
                Scopes.MDM_WRITE, Scopes.WX_READ), Duration.ofHours(12));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceJar> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        reversed.forEach(ServiceJar::stop);
        simulator.close();
        redis.close();
        mariaDb.close();
    }
}

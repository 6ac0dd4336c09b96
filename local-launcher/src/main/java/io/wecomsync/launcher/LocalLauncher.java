package io.wecomsync.launcher;

import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.EmbeddedMariaDb;
import io.wecomsync.infra.embedded.EmbeddedRedis;
import io.wecomsync.infra.embedded.ServiceJar;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Starts wecom-sync on the embedded default: MariaDB and Redis, then mdm-service, wx-service and the
 * gateway, each waited for until healthy. Ctrl-C stops everything, services first. Run from the
 * repository root (the README's start command does that).
 */
public final class LocalLauncher {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);

    private final LocalSettings settings;
    private final List<ServiceJar> services = Collections.synchronizedList(new ArrayList<>());
    private EmbeddedMariaDb mariaDb;
    private EmbeddedRedis redis;

    private LocalLauncher(LocalSettings settings) {
        this.settings = settings;
    }

    /** The local profile's public JWT secret (see each service's application-local.yml). */
    static final String LOCAL_JWT_SECRET = "local-development-secret-not-for-production-use";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            System.out.println(localToken(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        Path repository = Path.of("").toAbsolutePath();
        LocalLauncher launcher = new LocalLauncher(LocalSettings.fromEnvironment(repository, System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "local-launcher-stop"));
        try {
            launcher.start(repository);
        } catch (RuntimeException e) {
            System.err.println("\nwecom-sync did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.waitWhileRunning();
    }

    private void start(Path repository) throws Exception {
        say("starting MariaDB on port " + settings.mariaDbPort() + " (data in " + settings.mariaDbData() + ")");
        mariaDb = EmbeddedMariaDb.start(settings.mariaDbPort(), settings.mariaDbBase(), settings.mariaDbData());
        mariaDb.createDatabase("wecom_mdm");
        mariaDb.createDatabase("wecom_wx");
        say("starting Redis on port " + settings.redisPort());
        redis = EmbeddedRedis.start(settings.redisPort(), settings.redisData());

        Map<String, String> env = Map.of(
                "LOCAL_MARIADB_PORT", String.valueOf(settings.mariaDbPort()),
                "LOCAL_REDIS_PORT", String.valueOf(settings.redisPort()),
                "MDM_PORT", String.valueOf(settings.mdmPort()),
                "WX_PORT", String.valueOf(settings.wxPort()));
        startService(repository, "mdm-service", settings.mdmPort(), env);
        startService(repository, "wx-service", settings.wxPort(), env);
        startService(repository, "gateway", settings.gatewayPort(), env);

        say("");
        say("wecom-sync is up (logs in " + settings.logs() + "):");
        say("  gateway      " + url(settings.gatewayPort()) + "            health: " + url(settings.gatewayPort()) + "/actuator/health");
        say("  mdm-service  " + url(settings.mdmPort()) + "            API docs: " + url(settings.mdmPort()) + "/swagger-ui.html");
        say("  wx-service   " + url(settings.wxPort()));
        say("  MariaDB      jdbc:mysql://127.0.0.1:" + settings.mariaDbPort() + "/wecom_mdm (user root, no password)");
        say("  Redis        " + redis.url());
        say("  a token:     ./run-local.sh token   (then: curl -H \"Authorization: Bearer $TOKEN\" "
                + url(settings.gatewayPort()) + "/api/mdm/oper-logs)");
        say("Press Ctrl-C to stop everything.");
    }

    private void startService(Path repository, String name, int port, Map<String, String> env) throws Exception {
        say("starting " + name + " on port " + port);
        ServiceJar service = ServiceJar.start(name, repository.resolve(name).resolve("target").resolve(name + ".jar"),
                port, settings.logs(), env, List.of("--spring.profiles.active=local"));
        services.add(service);
        service.awaitHealthy(HEALTH_TIMEOUT);
        say(name + " is healthy");
    }

    private void waitWhileRunning() throws InterruptedException {
        while (true) {
            synchronized (services) {
                for (ServiceJar service : services) {
                    if (!service.isAlive()) {
                        System.err.println(service.name() + " stopped unexpectedly; stopping everything");
                        System.exit(1);
                    }
                }
            }
            Thread.sleep(1000);
        }
    }

    private void stop() {
        say("stopping wecom-sync…");
        List<ServiceJar> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ServiceJar::stop);
        if (redis != null) {
            redis.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
        say("stopped");
    }

    /**
     * A token for the locally running system, signed with the local profile's secret: {@code token}
     * alone gives every scope; {@code token mdm.read} just that one. Valid for 12 hours.
     */
    static String localToken(String... scopes) {
        String scope = scopes.length == 0
                ? String.join(" ", Scopes.ADMIN, Scopes.MDM_READ, Scopes.MDM_WRITE, Scopes.WX_READ)
                : String.join(" ", scopes);
        return new TokenMinter(LOCAL_JWT_SECRET, Clock.systemUTC()).mint("local-operator", scope, Duration.ofHours(12));
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}

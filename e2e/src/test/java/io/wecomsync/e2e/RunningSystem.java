package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static io.wecomsync.e2e.TestServices.jar;
import static io.wecomsync.e2e.TestServices.mdmArguments;
import static io.wecomsync.e2e.TestServices.startJar;
import static io.wecomsync.e2e.TestServices.wxArguments;

/**
 * The whole system for one test JVM: the WeCom simulator, mdm-service, wx-service and the gateway as
 * processes on the shared embedded MariaDB and Redis. Tests talk to the gateway only, like WeCom and
 * operators do.
 */
final class RunningSystem implements AutoCloseable {

    static final String CORP = "wwe2ecorp00000001";
    static final int AGENT = 4000001;
    static final String TOKEN = "e2eToken";
    static final String AES_KEY = "ZTJlYWVza2V5Zm9ydGhlZW5kdG9lbmR0ZXN0c29ubHk";
    static final String SECRET = "end-to-end-test-secret-at-least-32-bytes";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Directory directory = new Directory();
    final WeComApiServer weCom;
    final int mdmPort = FreePorts.find();
    final int wxPort = FreePorts.find();
    final int gatewayPort = FreePorts.find();
    final int consolePort = FreePorts.find();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TokenMinter tokens = new TokenMinter(SECRET, Clock.systemUTC());
    /** Every service also accepts this provider's operator tokens, as in a deployment with single sign-on. */
    final IdentityProviderStub identityProvider;
    private final String databases;
    /** Where this system's services write their logs: {@code target/system<databases>/<service>.log}. */
    final Path logs;
    private final List<String> mdmSettings;
    private ServiceJar mdm;
    private ServiceJar wx;
    private ServiceJar gateway;
    private ServiceJar console;

    RunningSystem() throws Exception {
        this("", null);
    }

    /**
     * @param databases  appended to the databases' names: a system of its own starts empty
     * @param wxSettings YAML added to wx-service's settings (e.g. the corp's field mapping); null for none
     * @param mdmSettings arguments added to mdm-service's (e.g. {@code --mdm.crm.base-url=…})
     */
    RunningSystem(String databases, String wxSettings, String... mdmSettings) throws Exception {
        this.databases = databases;
        this.logs = Path.of("target", "system" + databases);
        this.mdmSettings = List.of(mdmSettings);
        weCom = new WeComApiServer(directory, CORP, 0);
        weCom.setCallbackIps(List.of("127.0.0.1"));
        identityProvider = new IdentityProviderStub();
        startMdm();
        List<String> wxArguments = wxArguments(TestInfrastructure.database("wx" + databases), "http://127.0.0.1:" + mdmPort,
                weCom.baseUrl(), TestInfrastructure.redisUrl(), "--wx.inbox.retry.max-attempts=30");
        if (wxSettings != null) {
            wxArguments.add("--spring.config.additional-location=file:" + settingsFile(wxSettings));
        }
        wxArguments.addAll(identityProvider.serviceArguments());
        wx = startJar("wx-service", "wx-service", wxPort, logs, Map.of(), wxArguments);
        List<String> gatewayArguments = new ArrayList<>(List.of(
                "--spring.cloud.discovery.client.simple.instances.mdm-service[0].uri=http://127.0.0.1:" + mdmPort,
                "--spring.cloud.discovery.client.simple.instances.wx-service[0].uri=http://127.0.0.1:" + wxPort,
                "--wecom.security.jwt.secret=" + SECRET,
                "--wecom.gateway.callback-ip.refresh-interval=1s",
                "--CONSOLE_URL=http://127.0.0.1:" + consolePort));
        gatewayArguments.addAll(identityProvider.serviceArguments());
        gateway = startJar("gateway", "gateway", gatewayPort, logs, Map.of(), gatewayArguments);
        mdm.awaitHealthy(Duration.ofSeconds(120));
        wx.awaitHealthy(Duration.ofSeconds(120));
        gateway.awaitHealthy(Duration.ofSeconds(120));
    }

    void startMdm() throws IOException {
        mdm = startJar("mdm-service", "mdm-service", mdmPort, logs, Map.of(),
                mdmArguments(TestInfrastructure.database("mdm" + databases), Stream.concat(
                        identityProvider.serviceArguments().stream(), mdmSettings.stream()).toArray(String[]::new)));
    }

    /** Settings in a file: a command line may not carry Chinese names intact under every locale. */
    private static Path settingsFile(String yaml) throws IOException {
        Path file = Files.createTempFile("wx-settings-", ".yml");
        file.toFile().deleteOnExit();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    void stopMdm() {
        mdm.stop();
    }

    void restartMdm() throws Exception {
        startMdm();
        mdm.awaitHealthy(Duration.ofSeconds(120));
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    CallbackSender callbacks() {
        return new CallbackSender(gatewayUrl() + "/wx/callback/" + AGENT, CORP, TOKEN, AES_KEY, AGENT, Duration.ofMillis(200));
    }

    String adminToken() {
        return tokens.mint("e2e-operator", "admin", Duration.ofMinutes(30));
    }

    /** GET through the gateway with an admin token; answers status and body. */
    Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).header("Authorization", "Bearer " + adminToken()).GET());
    }

    /** GET {@code url} (through the gateway or not) with {@code token}. */
    Answer getWithToken(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    Answer getWithoutToken(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Answer post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The user as mdm-service holds it (deleted ones too), or null. */
    JsonNode user(String wxUserId) throws Exception {
        JsonNode users = get("/api/mdm/users?corpId=" + CORP + "&wxUserId=" + wxUserId + "&includeDeleted=true").json().path("data");
        return users.isEmpty() ? null : users.get(0);
    }

    /** Waits until wx-service's inbox has nothing unfinished. */
    void awaitInboxDrained(Duration timeout) throws Exception {
        await(timeout, "the inbox to drain", () -> {
            try {
                JsonNode counts = get("/api/wx/inbox/counts").json().path("data");
                return counts.path("PENDING").asInt() + counts.path("PROCESSING").asInt() + counts.path("FAILED").asInt() == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The demo corp's contact events, each made at {@code createTime} (WeCom's CreateTime). */
    static ContactEvents eventsAt(Instant createTime) {
        return new ContactEvents(CORP, Clock.fixed(createTime, ZoneOffset.UTC));
    }

    /** A field of the user as mdm-service holds it; "" while the user is not there or cannot be read. */
    String userField(String wxUserId, String field) {
        try {
            JsonNode user = user(wxUserId);
            return user == null ? "" : user.path(field).asText();
        } catch (Exception e) {
            return "";
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * Starts the ops console behind the gateway (at {@code /console/}) with a local admin and WeCom
     * login through the simulator's web login, where {@code weComAdmin} is an admin by userid.
     */
    void startConsole(String adminPassword, String weComAdmin) throws Exception {
        // started once per run: nothing to share, so not from the class data cache
        console = ServiceJar.start("console", jar("console"), consolePort, logs, Map.of(),
                List.of("--spring.profiles.active=test", "--wecom.security.jwt.secret=" + SECRET,
                        "--console.gateway-url=" + gatewayUrl(), "--console.local.admin-password=" + adminPassword,
                        "--console.wecom.enabled=true", "--console.wecom.corp-id=" + CORP,
                        "--console.wecom.agent-id=" + AGENT, "--console.wecom.secret=e2e-secret",
                        "--console.wecom.api-base-url=" + weCom.baseUrl(),
                        "--console.wecom.login-url=" + weCom.baseUrl() + "/wwlogin/sso/login",
                        "--console.roles.admin-users=" + weComAdmin))
                .healthAt("/console/actuator/health");
        console.awaitHealthy(Duration.ofSeconds(120));
    }

    @Override
    public void close() {
        for (ServiceJar service : new ServiceJar[] {console, gateway, wx, mdm}) {
            if (service != null) {
                service.stop();
            }
        }
        weCom.close();
        identityProvider.close();
    }

    record Answer(int status, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}

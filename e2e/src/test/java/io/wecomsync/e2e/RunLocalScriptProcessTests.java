package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.Folders;
import io.wecomsync.infra.embedded.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./run-local.sh} itself, in a checkout of its own. */
class RunLocalScriptProcessTests {

    private Path checkout;

    @BeforeEach
    void checkoutWithoutTheServicesJars() throws Exception {
        checkout = Files.createTempDirectory("wecom-sync-script");
        Files.copy(Path.of("..", "run-local.sh"), checkout.resolve("run-local.sh"));
        Files.createDirectories(checkout.resolve("local-launcher/target"));
        Files.createSymbolicLink(checkout.resolve("local-launcher/target/local-launcher.jar"),
                TestServices.jar("local-launcher").toAbsolutePath());
        // the services' jars are missing, as after a pull that changed sources: a start would build them
        // (this checkout has no Maven wrapper, so trying to would fail the command)
        Files.createDirectories(checkout.resolve("wx-service/src/main"));
    }

    @AfterEach
    void deleteCheckout() throws Exception {
        Folders.delete(checkout);
    }

    @Test
    void tokenPrintsOnlyTheTokenAndBuildsNothing() throws Exception {
        Run run = run(Map.of(), "token");

        assertThat(run.exit()).as("stderr: " + run.err()).isZero();
        assertThat(run.out()).as("TOKEN=$(./run-local.sh token) takes it whole").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+\\n");
        String claims = new String(Base64.getUrlDecoder().decode(run.out().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"scope\":\"admin mdm.read mdm.write wx.read\"");
        assertThat(checkout.resolve("wx-service/target")).as("nothing was built").doesNotExist();
    }

    @Test
    void aSecondStartSaysTheSystemIsRunningBeforeBuildingAnything() throws Exception {
        Map<String, String> ports = new HashMap<>();
        for (String port : List.of("LOCAL_REDIS_PORT", "LOCAL_SIMULATOR_PORT", "MDM_PORT", "WX_PORT", "GATEWAY_PORT",
                "CONSOLE_PORT")) {
            ports.put(port, String.valueOf(FreePorts.find()));
        }
        try (ServerSocket runningMariaDb = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ports.put("LOCAL_MARIADB_PORT", String.valueOf(runningMariaDb.getLocalPort()));

            Run run = run(ports);

            assertThat(run.exit()).as("stdout: " + run.out() + "\nstderr: " + run.err()).isEqualTo(1);
            assertThat(run.err()).contains("port " + runningMariaDb.getLocalPort() + " is taken: is wecom-sync already running?");
            assertThat(checkout.resolve("wx-service/target")).as("nothing was built").doesNotExist();
        }
    }

    private Run run(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "run-local.sh"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().putAll(env);
        Process script = builder.start();
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(script.exitValue(), new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }
}

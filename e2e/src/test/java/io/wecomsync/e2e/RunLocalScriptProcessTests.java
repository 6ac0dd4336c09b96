package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.Folders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./run-local.sh} itself, in a checkout of its own. */
class RunLocalScriptProcessTests {

    @Test
    void tokenPrintsOnlyTheTokenAndBuildsNothing() throws Exception {
        Path checkout = Files.createTempDirectory("wecom-sync-script");
        try {
            Files.copy(Path.of("..", "run-local.sh"), checkout.resolve("run-local.sh"));
            Files.createDirectories(checkout.resolve("local-launcher/target"));
            Files.createSymbolicLink(checkout.resolve("local-launcher/target/local-launcher.jar"),
                    TestServices.jar("local-launcher").toAbsolutePath());
            // the services' jars are missing, as after a pull that changed sources: a start would build them
            // (this checkout has no Maven wrapper, so trying to would fail the command)
            Files.createDirectories(checkout.resolve("wx-service/src/main"));

            Process script = new ProcessBuilder("bash", "run-local.sh", "token").directory(checkout.toFile()).start();
            assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(script.exitValue()).as("stderr: " + err).isZero();
            assertThat(out).as("TOKEN=$(./run-local.sh token) takes it whole").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+\\n");
            String claims = new String(Base64.getUrlDecoder().decode(out.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(claims).contains("\"scope\":\"admin mdm.read mdm.write wx.read\"");
            assertThat(checkout.resolve("wx-service/target")).as("nothing was built").doesNotExist();
        } finally {
            Folders.delete(checkout);
        }
    }
}

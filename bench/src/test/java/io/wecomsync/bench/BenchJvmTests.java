package io.wecomsync.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchJvmTests {

    @Test
    void theBenchmarksRunTheJvmSettingsTheDockerfilesShip() throws IOException {
        for (String service : List.of("gateway", "mdm-service", "wx-service", "console")) {
            String dockerfile = Files.readString(Path.of("..", service, "Dockerfile"));
            assertThat(dockerfile).as(service + "/Dockerfile")
                    .contains("ENV JAVA_TOOL_OPTIONS=\"" + String.join(" ", BenchJvm.SHIPPED) + "\"");
        }
    }

    @Test
    void optionsCanBeGivenInstead() {
        assertThat(BenchJvm.options(Map.of("jvm", " -Xmx1g  -XX:+UseG1GC "))).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(BenchJvm.options(Map.of())).isEqualTo(BenchJvm.SHIPPED);
        assertThat(BenchJvm.arguments(Map.of("wx-args", "--a=1 --b=2"), "wx-args")).containsExactly("--a=1", "--b=2");
    }
}

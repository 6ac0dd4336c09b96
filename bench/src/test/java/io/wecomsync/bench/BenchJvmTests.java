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
    void optionsCanBeGivenForEveryServiceOrAddedForOne() {
        BenchJvm shipped = BenchJvm.of(Map.of("gateway-jvm", "-Xmn48m"));
        assertThat(shipped.forService("wx-service")).isEqualTo(BenchJvm.SHIPPED);
        assertThat(shipped.forService("gateway")).startsWith(BenchJvm.SHIPPED.toArray(String[]::new)).endsWith("-Xmn48m");
        assertThat(shipped.used()).containsOnlyKeys("wx-service", "gateway");

        BenchJvm logged = BenchJvm.of(Map.of("gateway-jvm", "-Xlog:gc:file=/tmp/gc-{service}.log"));
        assertThat(logged.forService("gateway")).endsWith("-Xlog:gc:file=/tmp/gc-gateway.log");
        assertThat(logged.forProcess("gateway-passthrough", "gateway")).as("a second gateway, its own file")
                .endsWith("-Xlog:gc:file=/tmp/gc-gateway-passthrough.log");
        assertThat(logged.used()).containsOnlyKeys("gateway", "gateway-passthrough");

        BenchJvm given = BenchJvm.of(Map.of("jvm", " -Xmx1g  -XX:+UseG1GC "));
        assertThat(given.forService("mdm-service")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(BenchJvm.arguments(Map.of("wx-args", "--a=1 --b=2"), "wx-args")).containsExactly("--a=1", "--b=2");
    }
}

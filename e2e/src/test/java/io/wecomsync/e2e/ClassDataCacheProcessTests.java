package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.ClassDataCache;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class data cache the tests start their services through (the console's jar: the quickest to
 * start): a start that is killed leaves no archive, the next one records it when it stops, and the
 * one after that loads the application's own classes from it.
 */
class ClassDataCacheProcessTests {

    @Test
    void aKilledStartLeavesNoArchiveTheNextRecordsItAtItsStopAndTheOneAfterLoadsFromIt() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "class-data-test");
        try {
            recordsOnlyAtANormalStop(new ClassDataCache(home), home);
        } finally {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void recordsOnlyAtANormalStop(ClassDataCache cache, Path home) throws Exception {
        Path archive = home.resolve("console").resolve("classes.jsa");

        ServiceJar killed = start(cache, "cds-killed", null);
        assertThat(commandLine(killed)).contains("-XX:ArchiveClassesAtExit=");
        killed.kill();
        assertThat(archive).as("a killed start records nothing").doesNotExist();

        ServiceJar recording = start(cache, "cds-recording", null);
        try {
            assertThat(commandLine(recording)).as("recorded again after the kill").contains("-XX:ArchiveClassesAtExit=");
            recording.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            recording.stop();
        }
        RunningSystem.await(Duration.ofSeconds(10), "the archive in place once the recording start has exited",
                () -> Files.isRegularFile(archive));

        Path classLoads = home.resolve("class-loads.log");
        ServiceJar mapping = start(cache, "cds-mapping", "-Xlog:class+load=info:file=" + classLoads);
        try {
            mapping.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            mapping.stop();
        }
        assertThat(Files.readAllLines(classLoads).stream()
                .filter(line -> line.contains("io.wecomsync.console.ConsoleApplication "))).as("the application's class")
                .singleElement().asString().contains("shared objects file (top)");
    }

    private static ServiceJar start(ClassDataCache cache, String name, String jvmOption) throws Exception {
        List<String> options = new ArrayList<>(ServiceJar.QUICK_START);
        if (jvmOption != null) {
            options.add(jvmOption);
        }
        return cache.start(name, RunningSystem.jar("console"), FreePorts.find(), Path.of("target"), Map.of(), options,
                List.of("--spring.profiles.active=test", "--wecom.security.jwt.secret=" + RunningSystem.SECRET,
                        "--console.local.admin-password=class-data-test-password"))
                .healthAt("/console/actuator/health");
    }

    private static String commandLine(ServiceJar service) {
        return ProcessHandle.of(service.pid()).flatMap(process -> process.info().commandLine()).orElse("");
    }
}

package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.ClassDataCache;
import io.wecomsync.infra.embedded.Folders;
import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.infra.embedded.ServiceJar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class data cache the tests start their services through (the console's jar: the quickest to
 * start): a start that fails leaves no archive, the next one records it when it stops, and the
 * one after that loads the application's own classes from it.
 */
class ClassDataCacheProcessTests {

    private static final String[] STARTS = {"--spring.profiles.active=test", "--console.local.admin-password=class-data-test-password"};

    @Test
    void aStartThatFailsLeavesNoArchiveTheNextRecordsItAtItsStopAndTheOneAfterLoadsFromIt() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "class-data-test");
        recordsOnlyAtANormalStop(new ClassDataCache(home), home);
        Folders.delete(home); // kept under target/ when the test failed, with the extraction and class-load logs
    }

    private static void recordsOnlyAtANormalStop(ClassDataCache cache, Path home) throws Exception {
        Path folder = home.resolve("console");
        Path archive = folder.resolve("classes.jsa");

        // no admin password: the console refuses to start, and the JVM still writes what it loaded as it exits
        ServiceJar refused = start(cache, "cds-refused", null, "--spring.profiles.active=test");
        assertThat(commandLine(refused)).contains("-XX:ArchiveClassesAtExit=");
        assertThat(refused.exitCode().get(2, TimeUnit.MINUTES)).as("it refuses to start").isEqualTo(1);
        RunningSystem.await(Duration.ofSeconds(10), "the refused start's recording removed", () -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.noneMatch(file -> file.getFileName().toString().endsWith(".jsa"));
            } catch (IOException e) {
                return false;
            }
        });

        ServiceJar recording = start(cache, "cds-recording", null, STARTS);
        try {
            assertThat(commandLine(recording)).as("recorded again after the failed start").contains("-XX:ArchiveClassesAtExit=");
            recording.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            recording.stop();
        }
        RunningSystem.await(Duration.ofSeconds(10), "the archive in place once the recording start has exited",
                () -> Files.isRegularFile(archive));

        Path classLoads = home.resolve("class-loads.log");
        ServiceJar mapping = start(cache, "cds-mapping", "-Xlog:class+load=info:file=" + classLoads, STARTS);
        try {
            mapping.awaitHealthy(Duration.ofSeconds(120));
        } finally {
            mapping.stop();
        }
        assertThat(Files.readAllLines(classLoads).stream()
                .filter(line -> line.contains("io.wecomsync.console.ConsoleApplication "))).as("the application's class")
                .singleElement().asString().contains("shared objects file (top)");
    }

    private static ServiceJar start(ClassDataCache cache, String name, String jvmOption, String... arguments) throws Exception {
        List<String> options = new ArrayList<>(ServiceJar.QUICK_START);
        if (jvmOption != null) {
            options.add(jvmOption);
        }
        List<String> withSecret = new ArrayList<>(List.of(arguments));
        withSecret.add("--wecom.security.jwt.secret=" + RunningSystem.SECRET);
        return cache.start(name, TestServices.jar("console"), FreePorts.find(), Path.of("target"), Map.of(), options, withSecret)
                .healthAt("/console/actuator/health");
    }

    private static String commandLine(ServiceJar service) {
        return ProcessHandle.of(service.pid()).flatMap(process -> process.info().commandLine()).orElse("");
    }
}

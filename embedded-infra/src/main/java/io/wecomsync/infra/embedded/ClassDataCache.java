package io.wecomsync.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Class data sharing for service jars one test run starts again and again, without a training run
 * (what the local launcher and the images do): a jar is extracted once (Spring Boot's CDS layout); the
 * first start from it records the classes it loads and writes them as an archive when it exits by itself
 * or on a stop ({@code -XX:ArchiveClassesAtExit}); every later start maps that archive instead of loading
 * and verifying those classes again. One start records at a time; a start that is killed, or that fails,
 * leaves no archive, and a later one records again. An archive belongs to one build of its jar and one
 * JVM: a rebuilt jar, or another JDK, extracts again. Whatever fails here only costs the speed-up: the
 * jar then starts as it is.
 */
public final class ClassDataCache {

    private final Path home;
    /** By folder: the start recording its archive now, absent once its archive is in place or it failed. */
    private final Map<Path, Recording> recordings = new ConcurrentHashMap<>();

    /** @param home a folder of the caller's own (e.g. its module's {@code target/class-data}) */
    public ClassDataCache(Path home) {
        this.home = home;
    }

    private record Recording(ServiceJar service, CompletableFuture<Void> handled) {
    }

    /** As {@link ServiceJar#start(String, Path, int, Path, Map, List, List)}, from the jar's archive when there is one. */
    public synchronized ServiceJar start(String name, Path jar, int port, Path logDir, Map<String, String> env,
                                         List<String> jvmOptions, List<String> arguments) throws IOException {
        Path folder = home.resolve(jar.getFileName().toString().replaceFirst("\\.jar$", ""));
        if (!extract(jar, folder)) {
            return ServiceJar.start(name, jar, port, logDir, env, jvmOptions, arguments);
        }
        Path extracted = folder.resolve(jar.getFileName());
        Path archive = folder.resolve("classes.jsa");
        Recording recording = recordings.get(folder);
        if (recording != null && !recording.service().isAlive()) {
            recording.handled().join(); // just ended: its archive may be in place
            recordings.remove(folder, recording);
            recording = null;
        }
        List<String> options = new ArrayList<>(jvmOptions);
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
            return ServiceJar.start(name, extracted, port, logDir, env, options, arguments);
        }
        if (recording != null) { // one recording at a time
            return ServiceJar.start(name, extracted, port, logDir, env, options, arguments);
        }
        Path file = folder.resolve("classes-" + UUID.randomUUID() + ".jsa");
        options.add("-XX:ArchiveClassesAtExit=" + file);
        options.add("-Xlog:cds=error"); // not a line per class it cannot archive (signed jars, old bytecode) in the log
        ServiceJar service = ServiceJar.start(name, extracted, port, logDir, env, options, arguments);
        recordings.put(folder, new Recording(service, service.exitCode().thenAccept(code -> {
            keepIfWhole(file, archive, code);
            recordings.remove(folder);
        })));
        return service;
    }

    /** A recording start's archive counts when it ended normally, by itself or on a stop (SIGTERM). */
    private static void keepIfWhole(Path file, Path archive, int exitCode) {
        try {
            if ((exitCode == 0 || exitCode == 143) && Files.isRegularFile(file)) {
                Files.move(file, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // no archive: the next start records again
        }
    }

    /** Whether {@code folder} holds {@code jar} extracted, extracting it when it is missing or from another build. */
    private static boolean extract(Path jar, Path folder) {
        Path stamp = folder.resolve("built-from");
        try {
            String builtFrom = ExtractedJar.buildOf(jar);
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(builtFrom)
                    && Files.isRegularFile(folder.resolve(jar.getFileName()))) {
                return true;
            }
            Process extract = ExtractedJar.startExtracting(jar, folder, folder.resolveSibling(folder.getFileName() + "-extract.log"));
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                return false;
            }
            Files.writeString(stamp, builtFrom);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

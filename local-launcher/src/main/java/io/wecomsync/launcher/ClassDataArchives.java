package io.wecomsync.launcher;

import io.wecomsync.common.startup.ClassDataTrainingRun;
import io.wecomsync.infra.embedded.ExtractedJar;
import io.wecomsync.infra.embedded.ServiceJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Class data sharing for the local start (Spring Boot's CDS support). A service whose jar has a current
 * archive starts from the extracted jar and maps the archive instead of loading and verifying its
 * classes again. One that has none starts from its jar as always, and is then trained in the
 * background while the system runs: its jar is extracted and started once as a training run
 * ({@code wecom.class-data.training}: nothing served, it exits once its context is refreshed), leaving an
 * archive of the classes it loaded for the next start. An archive belongs to one build of
 * its jar and one JVM ({@link ExtractedJar#buildOf}); a rebuilt jar, or another JDK, is trained again. Whatever fails here only costs the speed-up.
 */
final class ClassDataArchives {

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);

    private final Path home;
    private final Path logs;
    private final List<Process> training = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    ClassDataArchives(Path home, Path logs) {
        this.home = home;
        this.logs = logs;
    }

    /** How to start a jar: from its extracted form with its archive, or as it is when there is none yet. */
    record Launch(Path jar, List<String> jvmOptions, boolean fromArchive) {
    }

    Launch launch(Path jar, List<String> jvmOptions) {
        Path folder = folder(jar);
        if (!isCurrent(jar, folder)) {
            return new Launch(jar, jvmOptions, false);
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:SharedArchiveFile=" + archive(folder));
        return new Launch(folder.resolve(jar.getFileName()), options, true);
    }

    /**
     * Trains an archive for each of {@code jars} that has no current one, one after another on a background
     * thread; {@code say} hears when each is ready or why it is not.
     */
    void trainInBackground(List<Path> jars, List<String> jvmOptions, Map<String, String> env, List<String> arguments,
                           Consumer<String> say) {
        List<Path> needed = jars.stream().filter(jar -> !isCurrent(jar, folder(jar))).toList();
        if (needed.isEmpty()) {
            return;
        }
        Thread trainer = new Thread(() -> train(needed, jvmOptions, env, arguments, say), "class-data-archives");
        trainer.setDaemon(true);
        trainer.start();
    }

    /** Ends any training still running (the launcher is stopping). */
    void stop() {
        stopped = true;
        training.forEach(Process::destroyForcibly);
    }

    private void train(List<Path> jars, List<String> jvmOptions, Map<String, String> env, List<String> arguments,
                       Consumer<String> say) {
        // one after another: a training run takes a core for half a minute, and the system is serving meanwhile
        for (Path jar : jars) {
            if (stopped) {
                return;
            }
            Process process = null;
            try {
                // taken before extracting: a jar rebuilt while its training runs must not pass for trained
                String builtFrom = ExtractedJar.buildOf(jar);
                process = start(jar, folder(jar), jvmOptions, env, arguments);
                boolean finished = process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                if (stopped) {
                    return;
                }
                if (finished && process.exitValue() == 0 && Files.isRegularFile(archive(folder(jar)))) {
                    Files.writeString(stamp(folder(jar)), builtFrom);
                    say.accept("class data archive for " + name(jar) + " ready: its next start is faster");
                } else {
                    say.accept("no class data archive for " + name(jar) + " (see " + trainingLog(jar) + ")");
                }
            } catch (IOException e) {
                say.accept("no class data archive for " + name(jar) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                if (process != null) {
                    training.remove(process);
                }
            }
        }
    }

    private Process start(Path jar, Path folder, List<String> jvmOptions, Map<String, String> env, List<String> arguments)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Process extract = ExtractedJar.startExtracting(jar, folder, logs.resolve(name(jar) + "-cds-extract.log"));
        training.add(extract);
        try {
            if (!extract.waitFor(1, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("extracting the jar failed (see " + logs.resolve(name(jar) + "-cds-extract.log") + ")");
            }
        } finally {
            training.remove(extract);
        }
        List<String> command = new ArrayList<>(List.of(ServiceJar.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(folder), "-D" + ClassDataTrainingRun.PROPERTY + "=true",
                "-jar", folder.resolve(jar.getFileName()).toString(), "--server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(trainingLog(jar).toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        training.add(process);
        return process;
    }

    private boolean isCurrent(Path jar, Path folder) {
        try {
            return Files.isRegularFile(archive(folder)) && Files.isRegularFile(folder.resolve(jar.getFileName()))
                    && Files.isRegularFile(stamp(folder)) && Files.readString(stamp(folder)).equals(ExtractedJar.buildOf(jar));
        } catch (IOException e) {
            return false;
        }
    }

    private Path folder(Path jar) {
        return home.resolve("cds").resolve(name(jar));
    }

    private Path trainingLog(Path jar) {
        return logs.resolve(name(jar) + "-cds-training.log");
    }

    private static Path archive(Path folder) {
        return folder.resolve("classes.jsa");
    }

    private static Path stamp(Path folder) {
        return folder.resolve("built-from");
    }

    private static String name(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }
}

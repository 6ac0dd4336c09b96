package io.wecomsync.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Class data sharing for the local start (Spring Boot's CDS support): each service's jar is extracted
 * once and started in a training run that stops after its context is refreshed
 * ({@code -Dspring.context.exit=onRefresh}, nothing served), leaving an archive of the classes it loaded;
 * later starts map that archive instead of loading and verifying the classes again. An archive belongs
 * to one build of its jar: a rebuilt jar gets a new one. Whatever fails here only costs the speed-up — the
 * service then starts from its jar as before.
 */
final class ClassDataArchives {

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);

    private final Path home;
    private final Path logs;

    ClassDataArchives(Path home, Path logs) {
        this.home = home;
        this.logs = logs;
    }

    /** How to start {@code jar}: from its extracted form with its archive, or as it is when there is none. */
    record Launch(Path jar, List<String> jvmOptions) {
    }

    /**
     * Makes sure each jar has a current archive, training those that need it together (each start is
     * mostly one thread); answers how to start each, in the order given.
     */
    List<Launch> prepare(List<Path> jars, List<String> jvmOptions, Map<String, String> env, List<String> arguments,
                         Consumer<String> say) throws InterruptedException, IOException {
        Files.createDirectories(logs);
        List<Process> training = new ArrayList<>();
        List<Path> trained = new ArrayList<>();
        for (Path jar : jars) {
            Path folder = folder(jar);
            if (isCurrent(jar, folder)) {
                continue;
            }
            try {
                say.accept("preparing a class data archive for " + name(jar) + " (once per build; later starts are faster)");
                training.add(train(jar, folder, jvmOptions, env, arguments));
                trained.add(jar);
            } catch (IOException e) {
                say.accept("no class data archive for " + name(jar) + ": " + e.getMessage());
            }
        }
        for (int i = 0; i < training.size(); i++) {
            Process process = training.get(i);
            boolean finished = process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS);
            Path folder = folder(trained.get(i));
            if (!finished) {
                process.destroyForcibly();
            }
            if (finished && process.exitValue() == 0 && Files.isRegularFile(archive(folder))) {
                try {
                    Files.writeString(stamp(folder), fingerprint(trained.get(i)));
                } catch (IOException e) {
                    say.accept("class data archive for " + name(trained.get(i)) + " not recorded: " + e.getMessage());
                }
            } else {
                say.accept("no class data archive for " + name(trained.get(i)) + " (see " + logs.resolve(name(trained.get(i))
                        + "-cds-training.log") + "); it starts without one");
            }
        }
        List<Launch> launches = new ArrayList<>();
        for (Path jar : jars) {
            Path folder = folder(jar);
            if (isCurrent(jar, folder)) {
                List<String> options = new ArrayList<>(jvmOptions);
                options.add("-XX:SharedArchiveFile=" + archive(folder));
                launches.add(new Launch(folder.resolve(jar.getFileName()), options));
            } else {
                launches.add(new Launch(jar, jvmOptions));
            }
        }
        return launches;
    }

    private Process train(Path jar, Path folder, List<String> jvmOptions, Map<String, String> env, List<String> arguments)
            throws IOException, InterruptedException {
        deleteRecursively(folder);
        Files.createDirectories(folder);
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", folder.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve(name(jar) + "-cds-extract.log").toFile()).start();
        if (!extract.waitFor(1, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IOException("extracting the jar failed (see " + logs.resolve(name(jar) + "-cds-extract.log") + ")");
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(folder), "-Dspring.context.exit=onRefresh",
                "-jar", folder.resolve(jar.getFileName()).toString(), "--server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name(jar) + "-cds-training.log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private boolean isCurrent(Path jar, Path folder) {
        try {
            return Files.isRegularFile(archive(folder)) && Files.isRegularFile(folder.resolve(jar.getFileName()))
                    && Files.isRegularFile(stamp(folder)) && Files.readString(stamp(folder)).equals(fingerprint(jar));
        } catch (IOException e) {
            return false;
        }
    }

    /** The build a jar comes from, as far as an archive cares: its size and time. */
    private static String fingerprint(Path jar) throws IOException {
        return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
    }

    private Path folder(Path jar) {
        return home.resolve("cds").resolve(name(jar));
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

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}

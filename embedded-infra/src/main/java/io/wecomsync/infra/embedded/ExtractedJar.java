package io.wecomsync.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What class data sharing needs from a Spring Boot jar (used by {@link ClassDataCache} and the local
 * launcher's archives): its extracted form, in Boot's CDS layout, and which build an archive of it
 * belongs to.
 */
public final class ExtractedJar {

    private ExtractedJar() {
    }

    /**
     * The build an archive of {@code jar} belongs to: the jar's size and time, and this JVM's version
     * (another JVM would not map the archive, and an archive that is present is not made again).
     */
    public static String buildOf(Path jar) throws IOException {
        return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis() + " on " + Runtime.version();
    }

    /** Starts extracting {@code jar} into {@code folder}, emptied first; what it prints goes to {@code log}. */
    public static Process startExtracting(Path jar, Path folder, Path log) throws IOException {
        Folders.delete(folder);
        Files.createDirectories(folder);
        return new ProcessBuilder(ServiceJar.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}

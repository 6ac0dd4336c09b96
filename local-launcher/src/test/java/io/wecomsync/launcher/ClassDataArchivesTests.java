package io.wecomsync.launcher;

import io.wecomsync.infra.embedded.ExtractedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchivesTests {

    @TempDir
    Path home;

    @Test
    void aServiceStartsFromItsArchiveOnlyWhileTheArchiveBelongsToItsJar() throws Exception {
        Path jar = Files.write(home.resolve("wx-service.jar"), new byte[]{1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-06T08:00:00Z")));
        ClassDataArchives archives = new ClassDataArchives(home.resolve(".local"), home.resolve("logs"));

        assertThat(archives.launch(jar, List.of("-Xmx64m")).fromArchive()).as("never trained").isFalse();

        // what a finished training leaves: the extracted jar, the archive and the build it came from
        Path folder = Files.createDirectories(home.resolve(".local/cds/wx-service"));
        Files.write(folder.resolve("wx-service.jar"), new byte[]{1, 2, 3});
        Files.write(folder.resolve("classes.jsa"), new byte[]{9});
        Files.writeString(folder.resolve("built-from"), ExtractedJar.buildOf(jar));

        ClassDataArchives.Launch trained = archives.launch(jar, List.of("-Xmx64m"));
        assertThat(trained.fromArchive()).isTrue();
        assertThat(trained.jar()).isEqualTo(folder.resolve("wx-service.jar"));
        assertThat(trained.jvmOptions()).containsExactly("-Xmx64m", "-XX:SharedArchiveFile=" + folder.resolve("classes.jsa"));

        // a stamp that does not name the JVM (earlier launchers wrote it so) may be another JDK's archive, which
        // would not map and, being there, would never be trained again: the jar itself is started and trained
        Files.writeString(folder.resolve("built-from"), "3@" + Files.getLastModifiedTime(jar).toMillis());
        assertThat(archives.launch(jar, List.of("-Xmx64m")).fromArchive()).as("an archive of an unknown JVM").isFalse();
        Files.writeString(folder.resolve("built-from"), "3@" + Files.getLastModifiedTime(jar).toMillis() + " on 17.0.1+12");
        assertThat(archives.launch(jar, List.of("-Xmx64m")).fromArchive()).as("an archive of another JVM").isFalse();
        Files.writeString(folder.resolve("built-from"), ExtractedJar.buildOf(jar));

        // rebuilt: the extracted copy is old code, so the jar itself is started
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-06T09:00:00Z")));
        ClassDataArchives.Launch rebuilt = archives.launch(jar, List.of("-Xmx64m"));
        assertThat(rebuilt.fromArchive()).isFalse();
        assertThat(rebuilt.jar()).isEqualTo(jar);
        assertThat(rebuilt.jvmOptions()).containsExactly("-Xmx64m");
    }
}

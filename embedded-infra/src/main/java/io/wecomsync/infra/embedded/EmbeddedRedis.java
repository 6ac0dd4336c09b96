package io.wecomsync.infra.embedded;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Redis server process started from the {@code embedded-redis} jar, bound to loopback. */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param port    TCP port, or 0 for a free one
     * @param dataDir where Redis may write its snapshot, or {@code null} for no persistence
     */
    public static EmbeddedRedis start(int port, Path dataDir) {
        int actualPort = port == 0 ? FreePorts.find() : port;
        try {
            var builder = RedisServer.newRedisServer()
                    .port(actualPort)
                    .bind("127.0.0.1")
                    .setting("maxmemory 128mb")
                    .setting("daemonize no")
                    .onShutdownForceStop(true);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setting("dir " + dataDir.toAbsolutePath())
                        .setting("appendonly yes");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedis(server, actualPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Redis on port " + actualPort, e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded Redis", e);
        }
    }
}

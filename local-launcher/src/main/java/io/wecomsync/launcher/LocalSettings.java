package io.wecomsync.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local system lives and listens. Every port can be moved with an environment variable
 * (see README); data and logs stay under {@code .local/} in the repository.
 */
record LocalSettings(Path home, int mariaDbPort, int redisPort, int mdmPort, int wxPort, int gatewayPort, int simulatorPort,
                     int consolePort) {

    static LocalSettings fromEnvironment(Path repository, Map<String, String> env) {
        return new LocalSettings(repository.resolve(".local"),
                port(env, "LOCAL_MARIADB_PORT", 13306),
                port(env, "LOCAL_REDIS_PORT", 16379),
                port(env, "MDM_PORT", 8082),
                port(env, "WX_PORT", 8081),
                port(env, "GATEWAY_PORT", 8080),
                port(env, "LOCAL_SIMULATOR_PORT", 18090),
                port(env, "CONSOLE_PORT", 8083));
    }

    Path mariaDbBase() {
        return home.resolve("mariadb/base");
    }

    Path mariaDbData() {
        return home.resolve("mariadb/data");
    }

    Path redisData() {
        return home.resolve("redis");
    }

    /** The console's local admin password, made on the first start and kept (owner-readable only). */
    Path consolePassword() {
        return home.resolve("console-admin-password");
    }

    Path logs() {
        return home.resolve("logs");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), got '" + value + "'");
        }
    }
}

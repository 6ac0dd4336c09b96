package io.wecomsync.infra.embedded;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TestInfrastructureIntegrationTests {

    @Test
    void eachServiceGetsItsOwnEmptyDatabaseOnOneServer() throws Exception {
        TestInfrastructure.TestDatabase first = TestInfrastructure.database("alpha");
        TestInfrastructure.TestDatabase second = TestInfrastructure.database("beta");

        assertThat(first.jdbcUrl()).contains("/wecom_alpha_test?");
        assertThat(second.jdbcUrl()).contains("/wecom_beta_test?");
        assertThat(TestInfrastructure.database("alpha")).isSameAs(first);

        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(32)) ENGINE=InnoDB");
            statement.execute("INSERT INTO greeting VALUES (1, '你好')");
            try (ResultSet rs = statement.executeQuery("SELECT text, VERSION() FROM greeting")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("你好");
            }
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the second database is empty").isZero();
        }
    }

    @Test
    void theEmbeddedMariaDbTakesTlsOnlyWhenAModuleAsks() throws Exception {
        String external = System.getenv(TestInfrastructure.MYSQL_HOST);
        assumeTrue(external == null || external.isBlank(), "an external server's TLS is its own");
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("alpha");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@have_ssl")) {
            rs.next();
            assertThat(rs.getString(1)).as("no TLS unless a module asks (its certificate slows every start)")
                    .isEqualTo(Boolean.getBoolean(TestInfrastructure.MARIADB_TLS) ? "YES" : "DISABLED");
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        URI uri = URI.create(TestInfrastructure.redisUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }
}

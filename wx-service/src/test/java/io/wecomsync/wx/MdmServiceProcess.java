package io.wecomsync.wx;

import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real mdm-service, run from its jar as a process of its own on the test JVM's MariaDB, so
 * wx-service is tested against the real thing — and so it can be stopped and started mid-test.
 * The reactor builds mdm-service before wx-service's tests run.
 */
public final class MdmServiceProcess {

    private static final Path JAR = Path.of("..", "mdm-service", "target", "mdm-service.jar");

    private final int port;
    private final String database;
    private final String crmUrl;
    private ServiceJar process;

    public MdmServiceProcess(int port) {
        this(port, "mdm");
    }

    /** On a database of its own, for tests that need mdm-service's data to themselves. */
    public MdmServiceProcess(int port, String database) {
        this(port, database, "");
    }

    /** With its CRM outbox delivering to {@code crmUrl} (empty: no CRM). */
    public MdmServiceProcess(int port, String database, String crmUrl) {
        this.port = port;
        this.database = database;
        this.crmUrl = crmUrl;
    }

    public TestInfrastructure.TestDatabase database() {
        return TestInfrastructure.database(database);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        TestInfrastructure.TestDatabase db = database();
        process = ServiceJar.start("mdm-service", JAR, port, Path.of("target"), Map.of(), List.of(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--mdm.crm.base-url=" + crmUrl, "--mdm.outbox.poll-interval=100ms",
                "--wecom.security.jwt.secret=" + WxIntegrationTest.TEST_SECRET));
        process.awaitHealthy(Duration.ofSeconds(90));
    }

    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}

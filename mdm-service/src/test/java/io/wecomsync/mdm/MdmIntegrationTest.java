package io.wecomsync.mdm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.infra.embedded.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of the tests that run mdm-service for real: HTTP on a random port, the JVM's shared embedded
 * MariaDB (database {@code wecom_mdm_test}), and a WireMock standing in for the CRM. All subclasses
 * share one application context, traced as in production. Tests share the database too, so each uses corp ids of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// traced as in production: a request's traceparent is continued into its operation-log entries and CRM calls
@AutoConfigureObservability(metrics = false)
public abstract class MdmIntegrationTest {

    protected static final WireMockServer CRM = startCrm();

    protected MdmHttp http;
    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    void http(TestRestTemplate rest, ObjectMapper json) {
        this.http = new MdmHttp(rest, json);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("mdm");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("test.crm.base-url", CRM::baseUrl);
    }

    /** A corp id no other test uses. */
    protected static String newCorpId() {
        return "ww" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static WireMockServer startCrm() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "crm-wiremock-stop"));
        return server;
    }

}

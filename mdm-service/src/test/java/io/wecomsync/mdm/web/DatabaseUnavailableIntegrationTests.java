package io.wecomsync.mdm.web;

import io.wecomsync.infra.embedded.FreePorts;
import io.wecomsync.mdm.MdmHttp;
import io.wecomsync.mdm.MdmHttp.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** mdm-service started against a database port where nothing listens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabaseUnavailableIntegrationTests {

    @DynamicPropertySource
    static void deadDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:mysql://127.0.0.1:" + FreePorts.find() + "/nowhere");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("spring.flyway.enabled", () -> "false");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void readsAndWritesAnswer503WithAStableCode() {
        MdmHttp http = new MdmHttp(rest, json);

        Answer read = http.get("/users/{id}", "1");
        Answer write = http.put("/users/by-wx/wwcorp/someone",
                Map.of("name", "x", "sourceEventTime", Instant.parse("2026-11-01T00:00:00Z").toString()));

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.code()).isEqualTo(50301);
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.msg()).contains("database is unavailable");
    }

    @Test
    void healthReportsDown() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(503);
    }
}

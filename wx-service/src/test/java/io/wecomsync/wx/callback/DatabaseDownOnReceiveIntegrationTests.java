package io.wecomsync.wx.callback;

import io.wecomsync.infra.embedded.TestInfrastructure;
import io.wecomsync.wx.TcpProxy;
import io.wecomsync.wx.WeComCallbacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Instant;

import static io.wecomsync.wx.WeComCallbacks.AES_KEY_1;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_1;
import static org.assertj.core.api.Assertions.assertThat;

/** wx-service whose database goes away while it runs: a valid callback must not get 200. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabaseDownOnReceiveIntegrationTests {

    private static TcpProxy database;

    @DynamicPropertySource
    static void databaseBehindAProxy(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.TestDatabase db = TestInfrastructure.database("wx");
        URI jdbc = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        database = new TcpProxy(jdbc.getPort());
        String proxied = db.jdbcUrl().replace(":" + jdbc.getPort() + "/", ":" + database.port() + "/");
        registry.add("spring.datasource.url", () -> proxied);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("spring.data.redis.url", TestInfrastructure::redisUrl);
    }

    @AfterAll
    static void closeProxy() {
        database.close();
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aValidCallbackThatCannotBeStoredIsAnswered503() {
        database.cut();
        String message = WeComCallbacks.contactChange(CORP_WITH_READER, "update_user", Instant.now().getEpochSecond(),
                "UserID", "someone", "Name", "x");
        String encrypted = WeComCallbacks.encrypt(message, AES_KEY_1, CORP_WITH_READER);
        String timestamp = WeComCallbacks.now();
        String signature = WeComCallbacks.signature(TOKEN_1, timestamp, "n", encrypted);

        ResponseEntity<String> answer = http.postForEntity("/callback/{a}?msg_signature={s}&timestamp={t}&nonce=n",
                new HttpEntity<>(WeComCallbacks.envelope(encrypted, CORP_WITH_READER, AGENT_WITH_READER)), String.class,
                AGENT_WITH_READER, signature, timestamp);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).contains("50301");
    }
}

package io.wecomsync.wxjavademo;

import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference must take what WeCom sends, or the benchmark would compare against refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalControllerTests {

    private static final String CORP = "wwlocaldemo0000001";
    private static final String TOKEN = "localDemoToken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final int AGENT = 1000002;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsASignedContactChangeAndRefusesABadSignature() throws Exception {
        String url = "http://127.0.0.1:" + port + "/wx/cp/portal/" + AGENT;
        Map<String, String> fields = new LinkedHashMap<>(Map.of("UserID", "zhangsan", "Name", "张三"));
        String message = new ContactEvents(CORP, Clock.systemUTC()).message("update_user", fields);

        HttpRequest signed = new CallbackSender(url, CORP, TOKEN, AES_KEY, AGENT, Duration.ZERO).sign(message);
        HttpRequest forged = new CallbackSender(url, CORP, "wrongToken", AES_KEY, AGENT, Duration.ZERO).sign(message);

        assertThat(http.send(signed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("UP");
    }
}

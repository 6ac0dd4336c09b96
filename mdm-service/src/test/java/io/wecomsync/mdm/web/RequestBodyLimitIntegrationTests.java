package io.wecomsync.mdm.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.mdm.MdmHttp;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A body over {@code mdm.api.max-body-size} (4 MB by default) is refused, whether it states its length or not. */
class RequestBodyLimitIntegrationTests extends MdmIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final String corp = newCorpId();
    private final String token = new TokenMinter(MdmHttp.TEST_SECRET, Clock.systemUTC())
            .mint("test-operator", Scopes.ADMIN, Duration.ofMinutes(5));

    @Test
    void aBodyStatingALengthOverTheLimitIsRefusedWith413BeforeItIsSent() throws Exception {
        // only the head is sent: the answer must come from the stated length alone
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("PUT /users/by-wx/" + corp + "/big HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (5 * 1024 * 1024) + "\r\n\r\n{\"name\":\"").getBytes(StandardCharsets.US_ASCII));
            DataInputStream answer = new DataInputStream(socket.getInputStream());

            assertThat(headLine(answer)).startsWith("HTTP/1.1 413");
            int length = -1;
            for (String header = headLine(answer); !header.isEmpty(); header = headLine(answer)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            byte[] bytes = new byte[length];
            answer.readFully(bytes);
            JsonNode body = JSON.readTree(bytes);
            assertThat(body.path("code").asInt()).isEqualTo(41301);
            assertThat(body.path("msg").asText()).isEqualTo("the body is larger than 4194304 bytes");
        }
        assertNothingWritten();
    }

    @Test
    void aBodySentInChunksIsRefusedOnceItPassesTheLimit() throws Exception {
        byte[] body = userWithNameOf(4 * 1024 * 1024 + 100_000).getBytes(StandardCharsets.UTF_8);

        // no length stated: the client sends it in chunks
        HttpResponse<String> answer = put(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).path("msg").asText()).isEqualTo("the body is larger than 4194304 bytes");
        assertNothingWritten();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        byte[] body = ("{\"name\":\"分块\",\"sourceEventTime\":\"2026-12-08T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = put(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT name FROM mdm_user WHERE corp_id = ?", String.class, corp)).isEqualTo("分块");
    }

    private static String headLine(DataInputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            assertThat(c).as("the answer ended in its head").isNotNegative();
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private HttpResponse<String> put(HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users/by-wx/" + corp + "/big"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String userWithNameOf(int length) {
        return "{\"name\":\"" + "x".repeat(length) + "\",\"sourceEventTime\":\"2026-12-08T00:00:00Z\"}";
    }

    private void assertNothingWritten() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ?", Integer.class, corp)).isZero();
    }
}

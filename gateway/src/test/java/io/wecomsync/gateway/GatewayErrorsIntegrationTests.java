package io.wecomsync.gateway;

import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.infra.embedded.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with nothing working behind it (wx-service down, mdm-service hanging up on every request):
 * its own errors, in the Result shape, logged once per outage.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wecom.gateway.callback-ip.refresh-interval=1h",
        "wecom.gateway.callback-ip.allow-when-empty=true"})
class GatewayErrorsIntegrationTests {

    static final String SECRET = "gateway-test-secret-of-at-least-32-bytes";
    /** A port nothing listens on: wx-service is down. */
    static final int WX_DOWN = FreePorts.find();
    /** mdm-service takes each connection and closes it without an answer (as a server going down does). */
    static final ServerSocket MDM_HANGS_UP = hangingUp();

    @Autowired
    WebTestClient http;

    private final TokenMinter tokens = new TokenMinter(SECRET, Clock.systemUTC());

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.wx-service[0].uri", () -> "http://127.0.0.1:" + WX_DOWN);
        registry.add("spring.cloud.discovery.client.simple.instances.mdm-service[0].uri", () -> "http://127.0.0.1:" + MDM_HANGS_UP.getLocalPort());
        registry.add("wecom.security.jwt.secret", () -> SECRET);
    }

    @Test
    void aServiceThatIsDownIsAnswered503WithAResultAndLoggedOnce(CapturedOutput output) {
        for (int i = 0; i < 5; i++) {
            http.post().uri("/wx/callback/1000002?msg_signature=x&timestamp=1&nonce=n").bodyValue("<xml/>")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo(50303).jsonPath("$.msg").value(msg ->
                            assertThat(msg.toString()).contains("/wx/callback").contains("unavailable"));
        }
        http.get().uri("/api/mdm/users?corpId=ww1&wxUserId=a").header("Authorization", "Bearer " + token())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo(50303);

        assertThat(count(output.getAll(), "service behind /wx/callback is unreachable")).as("once per outage").isEqualTo(1);
        assertThat(count(output.getAll(), "service behind /api/mdm is unreachable")).isEqualTo(1);
        // ours only: Netty's sampled leak reports (it has flagged a buffer once, after a backend hung up) are not this test's
        assertThat(output.getAll().lines().filter(line -> !line.contains("io.netty.util.ResourceLeakDetector")))
                .noneMatch(line -> line.contains(" ERROR ") || line.contains("500 Server Error"));
    }

    @AfterAll
    static void stopHangingUp() throws IOException {
        MDM_HANGS_UP.close();
    }

    @Test
    void anUnknownPathIsA404Result() {
        http.get().uri("/no/such/thing").header("Authorization", "Bearer " + token())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo(40400);
    }

    private static ServerSocket hangingUp() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket connection = server.accept()) {
                        connection.getInputStream().read(new byte[256]);
                    } catch (IOException closed) {
                        // the next one, or the server was closed
                    }
                }
            }, "mdm-hangs-up");
            thread.setDaemon(true);
            thread.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token() {
        return tokens.mint("operator", "admin", Duration.ofMinutes(5));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}

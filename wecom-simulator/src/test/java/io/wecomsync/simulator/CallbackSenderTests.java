package io.wecomsync.simulator;

import com.sun.net.httpserver.HttpServer;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Callbacks as a receiver sees them: signed and encrypted correctly, retried like WeCom retries. */
class CallbackSenderTests {

    private static final String CORP = "wwsim";
    private static final String TOKEN = "simToken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/callback", exchange -> {
            try (exchange) {
                Map<String, String> query = new HashMap<>();
                for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                Matcher encrypted = ENCRYPT.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                encrypted.find();
                // WxJava checks the signature and decrypts, as a WeCom receiver does
                received.add(new WxCryptUtil(TOKEN, AES_KEY, CORP).decryptContent(query.get("msg_signature"),
                        query.get("timestamp"), query.get("nonce"), encrypted.group(1)));
                exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aCallbackArrivesSignedAndEncrypted() throws Exception {
        String message = new ContactEvents(CORP, Clock.systemUTC()).deleteUser("leaver");

        CallbackSender.Delivery delivery = sender().send(message);

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.tries()).isEqualTo(1);
        assertThat(received).containsExactly(message);
    }

    @Test
    void aFailedDeliveryIsTriedAgainWithTheSameContent() throws Exception {
        failuresLeft.set(1);
        String message = new ContactEvents(CORP, Clock.systemUTC()).createUser(
                new Directory.User("u1", "名字", List.of(1L), 1L, null, null, null, null, 1), true);

        CallbackSender.Delivery delivery = sender().send(message);

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.tries()).isEqualTo(2);
        assertThat(received).containsExactly(message, message);
        assertThat(message).contains("<UserID><![CDATA[u1]]></UserID>").doesNotContain("<Name>");
    }

    @Test
    void weComGivesUpAfterThreeTries() throws Exception {
        failuresLeft.set(10);

        CallbackSender.Delivery delivery = sender().send(new ContactEvents(CORP, Clock.systemUTC()).deleteParty(5));

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.tries()).isEqualTo(3);
        assertThat(delivery.lastStatus()).isEqualTo(500);
        assertThat(received).hasSize(3);
    }

    private CallbackSender sender() {
        return new CallbackSender("http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback", CORP, TOKEN,
                AES_KEY, 1, Duration.ofMillis(10));
    }
}

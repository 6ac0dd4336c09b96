package io.wecomsync.simulator;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Delivers callbacks the way WeCom does: the message encrypted (WxJava's implementation of WeCom's
 * scheme) and signed, POSTed to {@code callbackUrl} with a 5 s time-out, tried three times in all when
 * it fails (any non-200 or no answer). Each try carries a fresh timestamp and nonce, the same content.
 */
public final class CallbackSender {

    static final int TRIES = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String callbackUrl;
    private final String corpId;
    private final String token;
    private final String aesKey;
    private final int agentId;
    private final Duration pauseBetweenTries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param callbackUrl e.g. {@code http://127.0.0.1:8080/wx/callback/1000002}
     */
    public CallbackSender(String callbackUrl, String corpId, String token, String aesKey, int agentId,
                          Duration pauseBetweenTries) {
        this.callbackUrl = callbackUrl;
        this.corpId = corpId;
        this.token = token;
        this.aesKey = aesKey;
        this.agentId = agentId;
        this.pauseBetweenTries = pauseBetweenTries;
    }

    /** Sends one message; answers how the delivery went (WeCom gives up after the last try). */
    public Delivery send(String message) throws InterruptedException {
        String encrypted = encrypt(message);
        int lastStatus = -1;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                lastStatus = http.send(request(encrypted), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return new Delivery(true, attempt, lastStatus);
                }
            } catch (IOException timeoutOrRefused) {
                lastStatus = -1;
            }
            if (attempt < TRIES) {
                Thread.sleep(pauseBetweenTries.toMillis());
            }
        }
        return new Delivery(false, TRIES, lastStatus);
    }

    /**
     * The POST WeCom would make for {@code message}: encrypted, signed now with a fresh nonce, ready to
     * send with any client (the load generator sends thousands a second through its own).
     */
    public HttpRequest sign(String message) {
        return request(encrypt(message));
    }

    private String encrypt(String message) {
        return new WxCryptUtil(token, aesKey, corpId).encrypt(randomString(), message);
    }

    private HttpRequest request(String encrypted) {
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[" + agentId + "]]></AgentID></xml>";
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = randomString();
        String signature = SHA1.gen(token, timestamp, nonce, encrypted);
        URI uri = URI.create(callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + "msg_signature=" + signature
                + "&timestamp=" + timestamp + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private String randomString() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether WeCom would consider the callback delivered, after how many tries, and the last HTTP status (-1: none). */
    public record Delivery(boolean delivered, int tries, int lastStatus) {
    }
}

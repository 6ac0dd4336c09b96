package io.wecomsync.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeCom's web login as an app sees it: the QR-code login page ({@code /wwlogin/sso/login}) and in-app
 * authorization ({@code /connect/oauth2/authorize}) send the browser back to {@code redirect_uri} with a
 * {@code code} and the app's {@code state}, as if the member set with {@link #signIn} had scanned or
 * agreed; {@code auth/getuserinfo} turns a code into their userid. Like WeCom's, a code is good once,
 * for five minutes, and only for the corp it was issued in.
 */
final class WebLogin {

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final String corpId;
    private final Clock clock;
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private volatile String signedIn;

    WebLogin(String corpId, Clock clock) {
        this.corpId = corpId;
        this.clock = clock;
    }

    /** Who scans the QR code (or agrees in the app) from now on; null: nobody, the page just waits. */
    void signIn(String userId) {
        this.signedIn = userId;
    }

    /** The login page: back to the app with a code for the signed-in member, or a page that waits. */
    void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = WeComApiServer.query(exchange.getRequestURI());
            String appId = query.getOrDefault("appid", "");
            String redirect = query.getOrDefault("redirect_uri", "");
            if (!appId.equals(corpId) || !redirect.startsWith("http")) {
                answer(exchange, 400, "appid or redirect_uri is not valid");
                return;
            }
            String member = signedIn;
            if (member == null) {
                answer(exchange, 200, "scan the QR code with WeCom (no member signs in on this simulator)");
                return;
            }
            String code = UUID.randomUUID().toString().replace("-", "");
            codes.put(code, new Issued(member, clock.instant().plus(CODE_LIFETIME)));
            String back = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                    + (query.containsKey("state") ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) : "");
            exchange.getResponseHeaders().set("Location", URI.create(back).toString());
            exchange.sendResponseHeaders(302, -1);
        }
    }

    /** The member a code was issued for, once; empty for an unknown, used or expired code. */
    Optional<String> redeem(String code) {
        Issued issued = codes.remove(code);
        return issued == null || clock.instant().isAfter(issued.expires()) ? Optional.empty() : Optional.of(issued.userId());
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private record Issued(String userId, Instant expires) {
    }
}

package io.wecomsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static io.wecomsync.simulator.Answers.JSON;
import static io.wecomsync.simulator.Answers.error;
import static io.wecomsync.simulator.Answers.ok;

/**
 * Serves the part of WeCom's HTTP API ({@code /cgi-bin/…}) that wecom-sync reads, over a
 * {@link Directory}: {@code gettoken}, {@code getcallbackip}, {@code user/get}, {@code user/list}, {@code user/list_id},
 * {@code department/get}, {@code department/simplelist}, {@code tag/get}, {@code tag/list}, and
 * {@code message/send} (text messages, recorded for {@link #sentMessages()}), and web login (the QR-code
 * page, in-app authorization and {@code auth/getuserinfo}; see {@link #signIn}). Every call but
 * {@code gettoken} needs a token it issued; errors answer WeCom's {@code errcode}s.
 */
public final class WeComApiServer implements AutoCloseable {

    static {
        // the JDK server writes headers and body apart; with Nagle on, each answer waits ~40 ms for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ContactApi contacts;
    private final String corpId;
    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<String> callbackIps = new CopyOnWriteArrayList<>(List.of("127.0.0.1", "::1"));
    private final Map<String, Integer> apiErrors = new ConcurrentHashMap<>();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final WebLogin webLogin;

    public WeComApiServer(Directory directory, String corpId, int port) throws IOException {
        this.contacts = new ContactApi(directory);
        this.corpId = corpId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        this.webLogin = new WebLogin(corpId, Clock.systemUTC());
        server.createContext("/cgi-bin/", this::handle);
        server.createContext("/wwlogin/sso/login", webLogin::page);
        server.createContext("/connect/oauth2/authorize", webLogin::page);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Who signs in through WeCom's web login from now on (as if they scanned the QR code); null for
     * nobody. The login pages are at {@code /wwlogin/sso/login} and {@code /connect/oauth2/authorize}.
     */
    public void signIn(String userId) {
        webLogin.signIn(userId);
    }

    /** What {@code getcallbackip} answers. */
    public void setCallbackIps(List<String> ips) {
        callbackIps.clear();
        callbackIps.addAll(ips);
    }

    /** Since 2022 a self-built app no longer reads mobile, email, gender or avatar: hide them. */
    public void setDetailsHidden(boolean hidden) {
        contacts.setDetailsHidden(hidden);
    }

    /** Makes {@code user/get} answer this WeCom error (e.g. 48009), or {@code null} to answer normally. */
    public void setUserGetError(Integer errcode) {
        setApiError("user/get", errcode);
    }

    /** Makes {@code api} (e.g. {@code department/simplelist}) answer this WeCom error, or {@code null} to answer normally. */
    public void setApiError(String api, Integer errcode) {
        if (errcode == null) {
            apiErrors.remove(api);
        } else {
            apiErrors.put(api, errcode);
        }
    }

    /** The application messages sent so far ({@code message/send}), oldest first. */
    public List<SentMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /**
     * One text message an app sent: {@code toUser}, {@code toParty} and {@code toTag} as WeCom takes them
     * ({@code a|b}), empty when not given.
     */
    public record SentMessage(int agentId, String toUser, String toParty, String toTag, String content) {
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/cgi-bin/".length());
            Map<String, String> query = query(exchange.getRequestURI());
            JsonNode answer;
            if (path.equals("gettoken")) {
                answer = token(query);
            } else if (!tokens.contains(query.getOrDefault("access_token", ""))) {
                answer = error(40014, "invalid access_token");
            } else if (apiErrors.containsKey(path)) {
                answer = error(apiErrors.get(path), "simulated error");
            } else {
                answer = switch (path) {
                    case "getcallbackip" -> ok().set("ip_list", JSON.valueToTree(callbackIps));
                    case "user/get" -> contacts.user(query.getOrDefault("userid", ""));
                    case "user/list_id" -> contacts.listIds(JSON.readTree(exchange.getRequestBody()));
                    case "user/list" -> contacts.userList(query.getOrDefault("department_id", ""));
                    case "department/get" -> contacts.department(query.getOrDefault("id", ""));
                    case "department/simplelist" -> contacts.simpleList();
                    case "tag/get" -> contacts.tag(query.getOrDefault("tagid", ""));
                    case "tag/list" -> contacts.tagList();
                    case "message/send" -> sendMessage(JSON.readTree(exchange.getRequestBody()));
                    case "auth/getuserinfo" -> webLogin.redeem(query.getOrDefault("code", ""))
                            .<JsonNode>map(userId -> ok().put("userid", userId).put("user_ticket", "sim-ticket-" + userId))
                            .orElseGet(() -> error(40029, "invalid code"));
                    default -> error(404, "not simulated: " + path);
                };
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private JsonNode token(Map<String, String> query) {
        if (!corpId.equals(query.get("corpid"))) {
            return error(40013, "invalid corpid");
        }
        String token = "sim-" + UUID.randomUUID();
        tokens.add(token);
        return ok().put("access_token", token).put("expires_in", 7200);
    }

    /** {@code message/send} as WeCom checks it: an agent, someone to send to, and a text of at most 2,048 bytes. */
    private JsonNode sendMessage(JsonNode request) {
        if (!"text".equals(request.path("msgtype").asText())) {
            return error(40008, "invalid message type");
        }
        if (!request.path("agentid").canConvertToInt() || request.path("agentid").asInt() <= 0) {
            return error(40056, "invalid agentid");
        }
        String toUser = request.path("touser").asText("");
        String toParty = request.path("toparty").asText("");
        String toTag = request.path("totag").asText("");
        if (toUser.isEmpty() && toParty.isEmpty() && toTag.isEmpty()) {
            return error(40031, "invalid user list: no receivers");
        }
        String content = request.path("text").path("content").asText("");
        if (content.isEmpty()) {
            return error(44004, "empty content");
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > 2048) {
            return error(45002, "content size out of limit");
        }
        sentMessages.add(new SentMessage(request.path("agentid").asInt(), toUser, toParty, toTag, content));
        return ok().put("invaliduser", "").put("invalidparty", "").put("invalidtag", "")
                .put("msgid", "sim-msg-" + sentMessages.size());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}

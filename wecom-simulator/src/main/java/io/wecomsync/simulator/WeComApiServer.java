package io.wecomsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Serves the part of WeCom's HTTP API ({@code /cgi-bin/…}) that wecom-sync reads, over a
 * {@link Directory}: {@code gettoken}, {@code getcallbackip}, {@code user/get}, {@code user/list}, {@code user/list_id},
 * {@code department/get}, {@code department/simplelist}, {@code tag/get}, {@code tag/list}, and
 * {@code message/send} (text messages, recorded for {@link #sentMessages()}), and web login (the QR-code
 * page, in-app authorization and {@code auth/getuserinfo}; see {@link #signIn}). Every call but
 * {@code gettoken} needs a token it issued; errors answer WeCom's {@code errcode}s.
 */
public final class WeComApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server writes headers and body apart; with Nagle on, each answer waits ~40 ms for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Directory directory;
    private final String corpId;
    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<String> callbackIps = new CopyOnWriteArrayList<>(List.of("127.0.0.1", "::1"));
    private volatile boolean detailsHidden;
    private final Map<String, Integer> apiErrors = new ConcurrentHashMap<>();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final WebLogin webLogin;

    public WeComApiServer(Directory directory, String corpId, int port) throws IOException {
        this.directory = directory;
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
        this.detailsHidden = hidden;
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
                    case "user/get" -> user(query.getOrDefault("userid", ""));
                    case "user/list_id" -> listIds(JSON.readTree(exchange.getRequestBody()));
                    case "user/list" -> userList(query.getOrDefault("department_id", ""));
                    case "department/get" -> department(query.getOrDefault("id", ""));
                    case "department/simplelist" -> simpleList();
                    case "tag/get" -> tag(query.getOrDefault("tagid", ""));
                    case "tag/list" -> tagList();
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

    private JsonNode user(String userId) {
        return directory.user(userId).<JsonNode>map(user -> userJson(ok(), user))
                .orElseGet(() -> error(60111, "userid not found"));
    }

    /** {@code user/list}: the members of one department (WeCom's details, as {@code user/get} gives them). */
    private JsonNode userList(String departmentId) {
        if (!departmentId.matches("\\d{1,18}")) {
            return error(40058, "invalid department_id");
        }
        long id = Long.parseLong(departmentId);
        if (directory.department(id).isEmpty()) {
            return error(60123, "department not found");
        }
        ObjectNode node = ok();
        ArrayNode list = node.putArray("userlist");
        directory.usersIn(id).forEach(user -> userJson(list.addObject(), user));
        return node;
    }

    private ObjectNode userJson(ObjectNode node, Directory.User user) {
        node.put("userid", user.userId()).put("name", user.name());
        node.set("department", JSON.valueToTree(user.departments()));
        if (user.mainDepartment() != null) {
            node.put("main_department", user.mainDepartment());
        }
        if (user.position() != null) {
            node.put("position", user.position());
        }
        if (user.status() != null) {
            node.put("status", user.status());
        }
        if (!user.extAttrs().isEmpty()) {
            ArrayNode attrs = node.putObject("extattr").putArray("attrs");
            user.extAttrs().forEach((name, value) -> attrs.addObject().put("type", 0).put("name", name)
                    .put("value", value).putObject("text").put("value", value));
        }
        if (!detailsHidden) {
            putIfKnown(node, "mobile", user.mobile());
            putIfKnown(node, "email", user.email());
            if (user.gender() != null) {
                node.put("gender", String.valueOf(user.gender()));
            }
        }
        return node;
    }

    private JsonNode listIds(JsonNode request) {
        int limit = Math.max(1, Math.min(10000, request.path("limit").asInt(10000)));
        int start = request.path("cursor").asText("").isEmpty() ? 0 : Integer.parseInt(request.path("cursor").asText());
        List<Directory.User> all = directory.users();
        ObjectNode node = ok();
        ArrayNode page = node.putArray("dept_user");
        for (int i = start; i < Math.min(all.size(), start + limit); i++) {
            for (Long department : all.get(i).departments()) {
                page.addObject().put("userid", all.get(i).userId()).put("department", department);
            }
        }
        node.put("next_cursor", start + limit < all.size() ? String.valueOf(start + limit) : "");
        return node;
    }

    private JsonNode department(String id) {
        if (!id.matches("\\d{1,18}")) {
            return error(40058, "invalid id");
        }
        return directory.department(Long.parseLong(id)).<JsonNode>map(department -> {
            ObjectNode node = ok();
            node.putObject("department").put("id", department.id()).put("name", department.name())
                    .put("parentid", department.parentId()).put("order", department.order());
            return node;
        }).orElseGet(() -> error(60123, "department not found"));
    }

    private JsonNode simpleList() {
        ObjectNode node = ok();
        ArrayNode list = node.putArray("department_id");
        directory.departments().forEach(d -> list.addObject().put("id", d.id()).put("parentid", d.parentId()).put("order", d.order()));
        return node;
    }

    private JsonNode tag(String id) {
        if (!id.matches("\\d{1,18}")) {
            return error(40068, "invalid tagid");
        }
        return directory.tag(Long.parseLong(id)).<JsonNode>map(tag -> {
            ObjectNode node = ok().put("tagname", tag.name());
            ArrayNode users = node.putArray("userlist");
            tag.users().stream().sorted().forEach(userId -> users.addObject().put("userid", userId)
                    .put("name", directory.user(userId).map(Directory.User::name).orElse(userId)));
            node.set("partylist", JSON.valueToTree(tag.departments().stream().sorted().toList()));
            return node;
        }).orElseGet(() -> error(40068, "tag not found"));
    }

    private JsonNode tagList() {
        ObjectNode node = ok();
        ArrayNode list = node.putArray("taglist");
        directory.tags().forEach(tag -> list.addObject().put("tagid", tag.id()).put("tagname", tag.name()));
        return node;
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

    private static void putIfKnown(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("errcode", code).put("errmsg", message);
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

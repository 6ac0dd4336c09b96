package io.wecomsync.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.pii.PiiMasking;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
import io.wecomsync.simulator.Directory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short demo of {@code ./run-local.sh --demo}: the simulator creates, updates, renames and deletes
 * a user, creates a department and changes a tag; then the user as mdm-service holds it (personal data
 * masked) and the operation log are read through the gateway with a locally minted token.
 */
final class LocalDemo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final String corpId;
    private final String gateway;
    private final CallbackSender weCom;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = LocalLauncher.localToken();

    LocalDemo(Directory directory, String gateway, String corpId, String callbackToken, String aesKey, int agentId) {
        this.directory = directory;
        this.gateway = gateway;
        this.weCom = new CallbackSender(gateway + "/wx/callback/" + agentId, corpId, callbackToken, aesKey, agentId,
                Duration.ofSeconds(1));
        this.corpId = corpId;
    }

    void run() throws Exception {
        say("\n=== demo: WeCom (the simulator) → gateway → wx-service → mdm-service ===");
        waitForCallbackIps();
        Instant t = Instant.now().minusSeconds(60);
        Directory.User wangwu = new Directory.User("demo-wangwu", "王五", List.of(2L), 2L, "工程师", "13912345678",
                "wangwu@example.com", 1, 1);
        directory.put(wangwu);
        send("create_user demo-wangwu", events(t).createUser(wangwu, false));
        send("update_user Position=高级工程师", events(t.plusSeconds(1)).updateUser("demo-wangwu", Map.of("Position", "高级工程师")));
        Directory.Department department = new Directory.Department(40, "演示部", 1, 100);
        directory.put(department);
        send("create_party 演示部", events(t.plusSeconds(2)).createParty(department, false));
        directory.put(new Directory.Tag(1, "骨干", Set.of("zhangsan", "demo-wangwu"), Set.of()));
        send("update_tag 骨干 +demo-wangwu", events(t.plusSeconds(3)).updateTag(1, List.of("demo-wangwu"), List.of()));
        directory.renameUser("demo-wangwu", "demo-wangwu2");
        send("update_user NewUserID=demo-wangwu2", events(t.plusSeconds(4)).renameUser("demo-wangwu", "demo-wangwu2"));
        directory.removeUser("demo-wangwu2");
        send("delete_user demo-wangwu2", events(t.plusSeconds(5)).deleteUser("demo-wangwu2"));

        JsonNode user = awaitUser("demo-wangwu2");
        say("\nthe user as mdm-service holds it (GET " + gateway + "/api/mdm/users?…):");
        say("  userId=" + user.path("userId").asText() + " wxUserId=" + user.path("wxUserId").asText()
                + " name=" + user.path("name").asText() + " position=" + user.path("position").asText()
                + " mobile=" + PiiMasking.maskMobile(user.path("mobile").asText(null))
                + " email=" + PiiMasking.maskEmail(user.path("email").asText(null))
                + " departments=" + user.path("departments") + " deleted=" + user.path("deleted").asBoolean());
        say("\nits operation log (GET " + gateway + "/api/mdm/oper-logs?targetId=…):");
        for (JsonNode entry : get("/api/mdm/oper-logs?targetId=" + user.path("userId").asText() + "&size=20")
                .path("data").path("items")) {
            say("  " + entry.path("time").asText() + "  " + entry.path("action").asText() + "  " + entry.path("result").asText()
                    + "  " + entry.path("changes"));
        }
        say("\ndemo done; the system keeps running (Ctrl-C stops it)");
    }

    private void waitForCallbackIps() throws Exception {
        get("/api/wx/jobs/callback-ip/run", true);
        Thread.sleep(2000);
    }

    private JsonNode awaitUser(String wxUserId) throws Exception {
        for (int i = 0; i < 60; i++) {
            JsonNode users = get("/api/mdm/users?corpId=" + corpId + "&wxUserId=" + wxUserId + "&includeDeleted=true").path("data");
            if (users.size() == 1 && users.get(0).path("deleted").asBoolean()) {
                return users.get(0);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the demo user did not arrive in mdm-service; see .local/logs/");
    }

    private void send(String what, String message) throws InterruptedException {
        CallbackSender.Delivery delivery = weCom.send(message);
        say("  WeCom → " + what + ": " + (delivery.delivered() ? "delivered" : "NOT delivered (HTTP " + delivery.lastStatus() + ")"));
    }

    private ContactEvents events(Instant time) {
        return new ContactEvents(corpId, Clock.fixed(time, ZoneOffset.UTC));
    }

    private JsonNode get(String path) throws Exception {
        return get(path, false);
    }

    private JsonNode get(String path, boolean post) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20));
        request = post ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void say(String line) {
        System.out.println(line);
    }
}

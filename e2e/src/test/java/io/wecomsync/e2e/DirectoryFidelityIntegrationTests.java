package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.wecomsync.e2e.RunningSystem.CORP;
import static io.wecomsync.e2e.RunningSystem.eventsAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory as the company keeps it, through the gateway: custom attributes (工号 and friends) from
 * callbacks in WeCom's shapes and from WeCom's API, the corp's field mapping (工号 → employee number,
 * 成本中心 → costCentre), lookups by employee number, reconciliation
 * repairing attributes changed while no callback came, and the sync scope (department 66's subtree is
 * left out) in callbacks and reconciliation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryFidelityIntegrationTests {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    private RunningSystem system;
    private CallbackSender weCom;
    private Instant lastCallback = Instant.EPOCH;

    @BeforeAll
    void start() throws Exception {
        system = new RunningSystem("_directory", """
                wx:
                  directory:
                    corps:
                      %s:
                        employee-number: 工号
                        fields:
                          costCentre: 成本中心
                        scope:
                          exclude: [66]
                """.formatted(CORP));
        weCom = system.callbacks();
        system.directory.put(new Directory.Department(1, "公司", 0, 1));
        RunningSystem.await(SETTLE, "WeCom's callback IPs on the gateway's list", () -> {
            try {
                return weCom.send(eventsAt(Instant.parse("2026-12-01T00:00:00Z")).deleteUser("nobody")).lastStatus() == 200;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void customAttributesOfACallbackAreMappedAndTheEmployeeNumberFindsTheUser() throws Exception {
        Directory.User zhang = new Directory.User("zhang", "张三", List.of(1L), 1L, "工程师", null, null, null, 1,
                Map.of("工号", "E-1001", "成本中心", "CC-7", "职级", "P6"));
        system.directory.put(zhang);

        send(eventsAt(Instant.parse("2026-12-01T01:00:00Z")).createUser(zhang, false));

        RunningSystem.await(SETTLE, "zhang's employee number", () -> "E-1001".equals(field("zhang", "employeeNumber")));
        JsonNode found = byEmployeeNumber("E-1001");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("wxUserId").asText()).isEqualTo("zhang");
        assertThat(found.get(0).path("mappedFields").path("costCentre").asText()).isEqualTo("CC-7");
        assertThat(found.get(0).path("extAttrs").toString()).contains("职级").contains("P6");
    }

    @Test
    @Order(2)
    void anAttributeChangeInAnUpdateChangesOnlyThatAttribute() throws Exception {
        system.directory.put(new Directory.User("zhang", "张三", List.of(1L), 1L, "工程师", null, null, null, 1,
                Map.of("工号", "E-1001", "成本中心", "CC-7", "职级", "P7")));
        send(eventsAt(Instant.parse("2026-12-01T02:00:00Z")).updateUserAttributes("zhang", Map.of("职级", "P7")));

        RunningSystem.await(SETTLE, "zhang's new grade", () -> user("zhang").path("extAttrs").toString().contains("P7"));
        assertThat(field("zhang", "employeeNumber")).isEqualTo("E-1001");
        assertThat(user("zhang").path("mappedFields").path("costCentre").asText()).isEqualTo("CC-7");
    }

    @Test
    @Order(3)
    void anIdOnlyEventIsCompletedWithTheAttributesWeComsApiAnswers() throws Exception {
        Directory.User li = new Directory.User("li", "李四", List.of(1L), 1L, null, null, null, null, 1,
                Map.of("工号", "E-2002", "成本中心", "CC-9"));
        system.directory.put(li);

        send(eventsAt(Instant.parse("2026-12-01T03:00:00Z")).createUser(li, true));

        RunningSystem.await(SETTLE, "li's employee number, read from WeCom", () -> "E-2002".equals(field("li", "employeeNumber")));
        assertThat(user("li").path("mappedFields").path("costCentre").asText()).isEqualTo("CC-9");
    }

    @Test
    @Order(4)
    void reconciliationRepairsAttributesChangedWhileNoCallbackCame() throws Exception {
        system.directory.put(new Directory.User("li", "李四", List.of(1L), 1L, null, null, null, null, 1,
                Map.of("工号", "E-2002", "成本中心", "CC-10")));
        // the company stopped keeping grades: WeCom no longer has the attribute
        system.directory.put(new Directory.User("zhang", "张三", List.of(1L), 1L, "工程师", null, null, null, 1,
                Map.of("工号", "E-1001", "成本中心", "CC-7")));

        RunningSystem.Answer started = system.post("/api/wx/reconcile/runs?corpId=" + CORP, "");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        RunningSystem.await(SETTLE, "li's cost centre repaired",
                () -> "CC-10".equals(user("li").path("mappedFields").path("costCentre").asText()));
        RunningSystem.await(SETTLE, "zhang's grade removed", () -> !user("zhang").path("extAttrs").toString().contains("职级"));
        assertThat(field("zhang", "employeeNumber")).as("unchanged in WeCom, unchanged here").isEqualTo("E-1001");
    }

    @Test
    @Order(5)
    void callbacksOutsideTheSyncScopeAreLeftOutAndAUserMovedOutLeavesAndComesBack() throws Exception {
        // after the reconciliation before, which wrote with the time it ran
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        lastCallback = now.plusSeconds(3);
        system.directory.put(new Directory.Department(66, "外包", 1, 9));
        system.directory.put(new Directory.Department(67, "外包一组", 66, 1));
        send(eventsAt(now.plusSeconds(0)).createParty(new Directory.Department(66, "外包", 1, 9), false));
        Directory.User wang = new Directory.User("wang", "王五", List.of(67L), 67L, null, null, null, null, 1, Map.of("工号", "X-1"));
        system.directory.put(wang);
        send(eventsAt(now.plusSeconds(1)).createUser(wang, false));
        // li moves into the excluded subtree, then back
        send(eventsAt(now.plusSeconds(2)).updateUser("li", Map.of("Department", "67")));

        RunningSystem.await(SETTLE, "li treated as left", () -> "true".equals(field("li", "deleted")));
        system.awaitInboxDrained(SETTLE);
        assertThat(user("wang").isMissingNode()).as("never in mdm-service").isTrue();
        assertThat(system.get("/api/mdm/departments/" + CORP + "/66").status()).isEqualTo(404);

        send(eventsAt(now.plusSeconds(3)).updateUser("li", Map.of("Department", "1")));

        RunningSystem.await(SETTLE, "li back", () -> "false".equals(field("li", "deleted")));
        assertThat(field("li", "employeeNumber")).as("the same record, joined again").isEqualTo("E-2002");
    }

    @Test
    @Order(6)
    void aChangeWithoutDepartmentsForAUserNotHeldYetIsDecidedByWhereWeComHasTheUser() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        lastCallback = now;
        system.directory.put(new Directory.User("sun", "孙八", List.of(1L), 1L, "顾问", null, null, null, 1));
        system.directory.put(new Directory.User("zhou", "周九", List.of(67L), 67L, "顾问", null, null, null, 1));

        // the update overtook the create: it carries no departments, and mdm-service does not hold the user yet
        send(eventsAt(now).updateUser("sun", Map.of("Position", "高级顾问")));
        send(eventsAt(now).updateUser("zhou", Map.of("Position", "高级顾问")));

        RunningSystem.await(SETTLE, "sun's position", () -> "高级顾问".equals(field("sun", "position")));
        system.awaitInboxDrained(SETTLE);
        assertThat(user("zhou").isMissingNode()).as("WeCom has zhou outside the scope").isTrue();
    }

    @Test
    @Order(7)
    void reconciliationKeepsToTheScopeAndTreatsAUserMovedOutAsLeft() throws Exception {
        // a run's events carry the second before it started: let it start after the callbacks' times
        RunningSystem.await(Duration.ofSeconds(30), "the clock past the last callback's time",
                () -> Instant.now().isAfter(lastCallback.plusSeconds(2)));
        system.directory.put(new Directory.User("li", "李四", List.of(67L), 67L, null, null, null, null, 1,
                Map.of("工号", "E-2002", "成本中心", "CC-10")));
        system.directory.put(new Directory.User("zhao", "赵六", List.of(1L), 1L, null, null, null, null, 1, Map.of()));
        system.directory.removeUser("sun");

        RunningSystem.Answer started = system.post("/api/wx/reconcile/runs?corpId=" + CORP, "");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        RunningSystem.await(SETTLE, "zhao created, li and sun deleted", () -> "false".equals(field("zhao", "deleted"))
                && "true".equals(field("li", "deleted")) && "true".equals(field("sun", "deleted")));
        system.awaitInboxDrained(SETTLE);
        assertThat(user("wang").isMissingNode()).as("outside the scope: not created").isTrue();
        assertThat(system.get("/api/mdm/departments/" + CORP + "/67").status()).isEqualTo(404);
        assertThat(field("zhang", "deleted")).isEqualTo("false");
    }

    private void send(String message) throws InterruptedException {
        assertThat(weCom.send(message).delivered()).isTrue();
    }

    private JsonNode byEmployeeNumber(String number) throws Exception {
        return system.get("/api/mdm/users?corpId=" + CORP + "&employeeNumber=" + URLEncoder.encode(number, StandardCharsets.UTF_8))
                .json().path("data");
    }

    private JsonNode user(String wxUserId) {
        try {
            JsonNode user = system.user(wxUserId);
            return user == null ? MissingNode.getInstance() : user;
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    private String field(String wxUserId, String field) {
        return user(wxUserId).path(field).asText();
    }
}

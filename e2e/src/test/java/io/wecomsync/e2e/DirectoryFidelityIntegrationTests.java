package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wecomsync.simulator.CallbackSender;
import io.wecomsync.simulator.ContactEvents;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.wecomsync.e2e.RunningSystem.CORP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory as the company keeps it, through the gateway: custom attributes (工号 and friends) from
 * callbacks in WeCom's shapes and from WeCom's API, the corp's field mapping (工号 → employee number,
 * 成本中心 → costCentre, see {@link RunningSystem}), lookups by employee number, and reconciliation
 * repairing attributes changed while no callback came.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryFidelityIntegrationTests {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    private RunningSystem system;
    private CallbackSender weCom;

    @BeforeAll
    void start() throws Exception {
        system = new RunningSystem();
        weCom = system.callbacks();
        RunningSystem.await(SETTLE, "WeCom's callback IPs on the gateway's list", () -> {
            try {
                return weCom.send(events(Instant.parse("2026-12-01T00:00:00Z")).deleteUser("nobody")).lastStatus() == 200;
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

        send(events(Instant.parse("2026-12-01T01:00:00Z")).createUser(zhang, false));

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
        send(events(Instant.parse("2026-12-01T02:00:00Z")).updateUserAttributes("zhang", Map.of("职级", "P7")));

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

        send(events(Instant.parse("2026-12-01T03:00:00Z")).createUser(li, true));

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

    private ContactEvents events(Instant at) {
        return new ContactEvents(CORP, Clock.fixed(at, ZoneOffset.UTC));
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

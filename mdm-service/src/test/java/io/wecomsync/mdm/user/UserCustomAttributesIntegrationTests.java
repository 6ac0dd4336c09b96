package io.wecomsync.mdm.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

class UserCustomAttributesIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-12-01T08:00:00Z");

    private final String corp = newCorpId();

    @Test
    void customAttributesAndMappedFieldsAreKeptTypedAndTheEmployeeNumberFindsTheUser() {
        http.put("/users/by-wx/{corp}/zs", user(T1, "name", "张三",
                "extAttrs", List.of(text("工号", "E-1001"), web("主页", "张三的主页", "https://home.example/zs")),
                "employeeNumber", "E-1001", "mappedFields", Map.of("costCentre", "CC-7")), corp);

        JsonNode read = http.get("/users?corpId={c}&wxUserId=zs", corp).data().get(0);
        Answer byNumber = http.get("/users?corpId={c}&employeeNumber=E-1001", corp);
        Answer searched = http.post("/users/search", Map.of("corpId", corp, "employeeNumber", "E-1001"));

        assertThat(read.path("employeeNumber").asText()).isEqualTo("E-1001");
        assertThat(read.path("mappedFields").path("costCentre").asText()).isEqualTo("CC-7");
        assertThat(read.path("extAttrs")).hasSize(2);
        assertThat(read.path("extAttrs").get(0).path("name").asText()).isEqualTo("主页");
        assertThat(read.path("extAttrs").get(0).path("type").asText()).isEqualTo("WEB");
        assertThat(read.path("extAttrs").get(0).path("webUrl").asText()).isEqualTo("https://home.example/zs");
        assertThat(read.path("extAttrs").get(1).path("text").asText()).isEqualTo("E-1001");
        assertThat(byNumber.data()).hasSize(1);
        assertThat(byNumber.data().get(0).path("wxUserId").asText()).isEqualTo("zs");
        assertThat(searched.data()).hasSize(1);
        assertThat(http.get("/users?corpId={c}&employeeNumber=E-9999", corp).data()).isEmpty();
    }

    @Test
    void eachAttributeIsSetAloneClearedWhenEmptyAndNeverOverwrittenByAnOlderEvent() {
        http.put("/users/by-wx/{corp}/ls", user(T1, "extAttrs", List.of(text("工号", "E-1"), text("职级", "P5"))), corp);
        // newer: the grade changes, the employee number is not mentioned
        http.put("/users/by-wx/{corp}/ls", user(T1.plusSeconds(10), "extAttrs", List.of(text("职级", "P6"))), corp);
        // older, arriving late: its grade is stale, but the cost centre is new to the row
        http.put("/users/by-wx/{corp}/ls", user(T1.plusSeconds(5), "extAttrs",
                List.of(text("职级", "P4"), text("成本中心", "CC-1"))), corp);

        assertThat(attributes("ls")).containsExactlyInAnyOrderEntriesOf(Map.of("工号", "E-1", "职级", "P6", "成本中心", "CC-1"));

        http.put("/users/by-wx/{corp}/ls", user(T1.plusSeconds(20), "extAttrs", List.of(text("工号", ""))), corp);

        assertThat(attributes("ls")).containsOnlyKeys("职级", "成本中心");
    }

    @Test
    void aCompleteWriteRemovesTheAttributesAndMappedFieldsItDoesNotName() {
        http.put("/users/by-wx/{corp}/zl", user(T1, "extAttrs", List.of(text("工号", "E-5"), text("职级", "P5")),
                "mappedFields", Map.of("grade", "P5", "costCentre", "CC-1")), corp);
        // a partial write (a callback naming one attribute) leaves the others
        http.put("/users/by-wx/{corp}/zl", user(T1.plusSeconds(1), "extAttrs", List.of(text("工号", "E-6"))), corp);
        assertThat(attributes("zl")).containsOnlyKeys("工号", "职级");

        // a full read from WeCom: the grade attribute is gone there, and only costCentre is still mapped
        http.put("/users/by-wx/{corp}/zl", user(T1.plusSeconds(2), "extAttrs", List.of(text("工号", "E-6")),
                "mappedFields", Map.of("costCentre", "CC-1"), "customAttributesComplete", true), corp);

        JsonNode read = http.get("/users?corpId={c}&wxUserId=zl", corp).data().get(0);
        assertThat(attributes("zl")).containsOnlyKeys("工号");
        assertThat(read.path("mappedFields").properties()).extracting(Map.Entry::getKey).containsExactly("costCentre");
    }

    @Test
    void theOperationLogMasksPersonalAttributesAndNamesEachChange() {
        String userId = http.put("/users/by-wx/{corp}/ww", user(T1, "extAttrs",
                List.of(text("身份证号", "440301199001011234"), text("职级", "P5")),
                "mappedFields", Map.of("idNumber", "440301199001011234", "grade", "P5")), corp)
                .data().path("data").path("userId").asText();

        String entries = http.get("/oper-logs?targetType=USER&targetId={id}", userId).data().path("items").toString();

        assertThat(entries).contains("extAttr.身份证号").contains("4***************34").contains("extAttr.职级")
                .contains("P5").contains("mapped.idNumber").doesNotContain("440301199001011234");
    }

    @Test
    void malformedAttributesAreRefusedNamingTheProblem() {
        Answer noType = http.put("/users/by-wx/{corp}/bad", user(T1, "extAttrs", List.of(Map.of("name", "工号", "text", "1"))), corp);
        Answer badField = http.put("/users/by-wx/{corp}/bad", user(T1, "mappedFields", Map.of("Cost Centre", "1")), corp);

        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.msg()).contains("extAttrs[0].type");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.msg()).contains("mappedFields");
        assertThat(http.get("/users?corpId={c}&wxUserId=bad", corp).data()).isEmpty();
    }

    private Map<String, String> attributes(String wxUserId) {
        JsonNode read = http.get("/users?corpId={c}&wxUserId={w}", corp, wxUserId).data().get(0);
        Map<String, String> values = new LinkedHashMap<>();
        read.path("extAttrs").forEach(a -> values.put(a.path("name").asText(), a.path("text").asText()));
        return values;
    }

    private static Map<String, Object> text(String name, String value) {
        return Map.of("name", name, "type", "TEXT", "text", value);
    }

    private static Map<String, Object> web(String name, String title, String url) {
        return Map.of("name", name, "type", "WEB", "webTitle", title, "webUrl", url);
    }
}

package io.wecomsync.mdm.department;

import io.wecomsync.mdm.MdmHttp.Answer;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentIntegrationTests extends MdmIntegrationTest {

    private static final Instant T1 = Instant.parse("2026-11-05T08:00:00Z");

    private final String corp = newCorpId();

    @Test
    void aPartialUpsertChangesOnlyWhatIsGiven() {
        Answer created = http.put("/departments/{corp}/2", Map.of("name", "研发部", "parentId", 1, "order", 100,
                "sourceEventTime", T1.toString()), corp);
        Answer renamed = http.put("/departments/{corp}/2", Map.of("name", "研发中心",
                "sourceEventTime", T1.plusSeconds(5).toString(), "sourceEventId", "e2"), corp);

        assertThat(created.data().path("outcome").asText()).isEqualTo("CREATED");
        assertThat(renamed.data().path("outcome").asText()).isEqualTo("UPDATED");
        Answer read = http.get("/departments/{corp}/2", corp);
        assertThat(read.data().path("name").asText()).isEqualTo("研发中心");
        assertThat(read.data().path("parentId").asLong()).isEqualTo(1);
        assertThat(read.data().path("order").asLong()).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT changes FROM mdm_oper_log WHERE corp_id = ? AND source_event_id = 'e2'",
                String.class, corp)).isEqualTo("[{\"field\":\"name\",\"before\":\"研发部\",\"after\":\"研发中心\"}]");
    }

    @Test
    void anOlderWriteIsIgnoredAndDeleteIsSoftAndRepeatable() {
        http.put("/departments/{corp}/3", Map.of("name", "销售部", "sourceEventTime", T1.plusSeconds(10).toString()), corp);

        Answer stale = http.put("/departments/{corp}/3", Map.of("name", "旧名", "sourceEventTime", T1.toString()), corp);
        Answer deleted = http.delete("/departments/{corp}/3?sourceEventTime={t}", corp, T1.plusSeconds(20));
        Answer again = http.delete("/departments/{corp}/3?sourceEventTime={t}", corp, T1.plusSeconds(20));

        assertThat(stale.data().path("applied").asBoolean()).isFalse();
        assertThat(stale.data().path("data").path("name").asText()).isEqualTo("销售部");
        assertThat(deleted.data().path("outcome").asText()).isEqualTo("DELETED");
        assertThat(again.data().path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(http.get("/departments/{corp}/3", corp).data().path("deleted").asBoolean()).isTrue();
    }

    @Test
    void anOlderPartialUpdateArrivingLateFillsWhatNothingNewerSet() {
        http.put("/departments/{corp}/5", Map.of("name", "市场部", "parentId", 1, "order", 10,
                "sourceEventTime", T1.toString()), corp);
        http.put("/departments/{corp}/5", Map.of("name", "市场中心", "sourceEventTime", T1.plusSeconds(20).toString()), corp);

        // WeCom sent this one in between, but it arrives last: its order is news, its name is not
        Answer late = http.put("/departments/{corp}/5", Map.of("name", "旧名", "order", 30,
                "sourceEventTime", T1.plusSeconds(10).toString()), corp);

        assertThat(late.data().path("outcome").asText()).isEqualTo("UPDATED");
        Answer read = http.get("/departments/{corp}/5", corp);
        assertThat(read.data().path("name").asText()).isEqualTo("市场中心");
        assertThat(read.data().path("order").asLong()).isEqualTo(30);
        assertThat(read.data().path("lastEventTime").asText()).isEqualTo(T1.plusSeconds(20).toString());
    }

    @Test
    void badInputIsRefused() {
        Answer selfParent = http.put("/departments/{corp}/4", Map.of("parentId", 4, "sourceEventTime", T1.toString()), corp);
        Answer notANumber = http.put("/departments/{corp}/abc", Map.of("sourceEventTime", T1.toString()), corp);
        Answer missing = http.get("/departments/{corp}/999", corp);

        assertThat(selfParent.status()).isEqualTo(400);
        assertThat(selfParent.msg()).contains("parentId");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.msg()).contains("deptId");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_department WHERE corp_id = ?", Integer.class, corp)).isZero();
    }
}

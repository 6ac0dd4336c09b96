package io.wecomsync.wx.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation admin API as the tests drive it: start a run of one corp, wait for a run's end. */
final class ReconcileRunsApi {

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final String corpId;

    ReconcileRunsApi(TestRestTemplate http, ObjectMapper json, JdbcTemplate jdbc, String corpId) {
        this.http = http;
        this.json = json;
        this.jdbc = jdbc;
        this.corpId = corpId;
    }

    /** Starts a run (202 expected); answers its id. */
    long start(boolean dryRun) throws Exception {
        ResponseEntity<String> answer = http.postForEntity("/admin/reconcile/runs?corpId=" + corpId + "&dryRun=" + dryRun,
                null, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return json.readTree(answer.getBody()).path("data").path("id").asLong();
    }

    /** The run once it is no longer RUNNING (at most 30 s). */
    JsonNode await(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode run = json.readTree(http.getForEntity("/admin/reconcile/runs/" + id, String.class).getBody()).path("data");
            if (!run.path("status").asText().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not end in 30 s");
    }

    /** The id of the first run anyone started (at most 10 s). */
    long awaitAnyRun() throws Exception {
        for (int i = 0; i < 200; i++) {
            List<Long> ids = jdbc.queryForList("SELECT id FROM wx_reconcile_run", Long.class);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run started");
    }
}

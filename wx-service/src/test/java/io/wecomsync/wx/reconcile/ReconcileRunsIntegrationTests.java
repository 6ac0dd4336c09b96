package io.wecomsync.wx.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs as records: one per corp at a time across instances, a dead instance's run given up, the initial load
 * at start-up, requests refused with a reason.
 */
class ReconcileRunsIntegrationTests extends ReconcileIntegrationTest {

    @Autowired
    InitialLoad initialLoad;

    @Test
    void twoStartsAtOnceMakeOneRun() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 10);
        changeSettings(Map.of("wx.reconcile.rate-per-minute", 120)); // 2 reads a second: the run takes seconds
        CountDownLatch go = new CountDownLatch(1);
        Callable<ResponseEntity<String>> startRun = () -> {
            go.await();
            return http.postForEntity("/admin/reconcile/runs?corpId=" + CORP_WITH_READER, null, String.class);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseEntity<String>> first = two.submit(startRun);
            Future<ResponseEntity<String>> second = two.submit(startRun);
            go.countDown();
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : List.of(first, second)) {
                statuses.add(HttpStatus.valueOf(answer.get().getStatusCode().value()));
            }
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        } finally {
            two.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_reconcile_run", Integer.class)).isEqualTo(1);
        changeSettings(Map.of());
        runs.await(jdbc.queryForObject("SELECT id FROM wx_reconcile_run", Long.class));
    }

    @Test
    void aRunWhoseInstanceDiedIsGivenUpAndTheNextOneRuns() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 2);
        jdbc.update("""
                INSERT INTO wx_reconcile_run (corp_id, running_corp, trigger_type, dry_run, status, phase, instance,
                                              started_at, heartbeat_at)
                VALUES (?, ?, 'SCHEDULE', FALSE, 'RUNNING', 'READING_USERS', 'gone', ?, ?)
                """, CORP_WITH_READER, CORP_WITH_READER, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));

        JsonNode run = reconcile(false);

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT status FROM wx_reconcile_run WHERE instance = 'gone'", String.class))
                .isEqualTo("ABANDONED");
    }

    @Test
    void theInitialLoadAtStartUpRunsOnlyForAnEmptyCorpNeverLoadedBefore() throws Exception {
        ReconcileFixtures.seed(DIRECTORY, 3);

        initialLoad.load(CORP_WITH_READER, 1);
        long first = runs.awaitAnyRun();
        JsonNode run = runs.await(first);
        assertThat(run.path("trigger").asText()).isEqualTo("INITIAL_LOAD");
        drain();

        initialLoad.load(CORP_WITH_READER, 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_reconcile_run", Integer.class))
                .as("loaded once; the schedule keeps it in step from then on").isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        ResponseEntity<String> unknown = http.postForEntity("/admin/reconcile/runs?corpId=wwnosuchcorp", null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("wwnosuchcorp is not configured");

        ResponseEntity<String> noReader = http.postForEntity("/admin/reconcile/runs?corpId=wwtestcorp0000002", null, String.class);
        assertThat(noReader.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(noReader.getBody()).contains("no readerAgentId");

        ResponseEntity<String> bad = http.postForEntity("/admin/reconcile/runs?corpId=bad%20corp", null, String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(http.getForEntity("/admin/reconcile/runs/999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.postForEntity("/admin/reconcile/runs/999999/confirm", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}

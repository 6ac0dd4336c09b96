package io.wecomsync.wx.inbox;

import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit's multi-row INSERT: every column reads back as written (nulls too), a batch with a
 * row already stored is refused whole, or — when stored rows are to be skipped — stores the others.
 */
class InboxRowInsertsIntegrationTests extends WxIntegrationTest {

    private static final Instant AT = Instant.parse("2026-12-06T08:15:30.123Z");

    @Autowired
    InboxRowInserts inserts;
    @Autowired
    InboxMapper mapper;

    @Test
    void everyColumnReadsBackAsWritten() {
        InboxEventEntity full = row("k-full", 1000002, "ent-1", "alt-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        InboxEventEntity sparse = row("k-sparse", null, "ent-2", null, null);

        assertThat(inserts.insertAll(List.of(full, sparse), false)).isEqualTo(2);

        InboxEventEntity read = only("k-full");
        assertThat(read).usingRecursiveComparison().comparingOnlyFields("corpId", "agentId", "source", "dedupeKey",
                "eventType", "changeType", "entityKey", "altEntityKey", "eventTime", "payload", "status", "attempts",
                "nextAttemptAt", "receivedAt", "updatedAt", "traceParent").isEqualTo(full);
        InboxEventEntity readSparse = only("k-sparse");
        assertThat(readSparse.getAgentId()).isNull();
        assertThat(readSparse.getAltEntityKey()).isNull();
        assertThat(readSparse.getTraceParent()).isNull();
        assertThat(readSparse.getEventTime()).isEqualTo(AT);
    }

    @Test
    void aBatchWithARowAlreadyStoredIsRefusedWholeUnlessStoredRowsAreSkipped() {
        inserts.insertAll(List.of(row("k-1", 1, "e-1", null, null)), false);

        assertThatThrownBy(() -> inserts.insertAll(List.of(row("k-2", 1, "e-2", null, null), row("k-1", 1, "e-1", null, null)), false))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(inboxCount()).as("nothing of the refused batch is stored").isEqualTo(1);

        inserts.insertAll(List.of(row("k-2", 1, "e-2", null, null), row("k-1", 1, "e-1", null, null),
                row("k-3", 1, "e-3", null, null)), true);
        assertThat(jdbc.queryForList("SELECT dedupe_key FROM wx_inbox_event ORDER BY id", String.class))
                .containsExactly("k-1", "k-2", "k-3");
    }

    @Test
    void batchesOfEverySizeTheGroupCommitWritesAreStored() {
        for (int size = 1; size <= 64; size += 21) {
            int n = size;
            List<InboxEventEntity> rows = java.util.stream.IntStream.range(0, n)
                    .mapToObj(i -> row("s" + n + "-" + i, 1, "e-" + n + "-" + i, null, null)).toList();
            assertThat(inserts.insertAll(rows, false)).isEqualTo(n);
        }
        assertThat(inboxCount()).isEqualTo(1 + 22 + 43 + 64);
    }

    private InboxEventEntity only(String dedupeKey) {
        Long id = jdbc.queryForObject("SELECT id FROM wx_inbox_event WHERE dedupe_key = ?", Long.class, dedupeKey);
        return mapper.selectById(id);
    }

    private static InboxEventEntity row(String dedupeKey, Integer agentId, String entityKey, String altKey, String trace) {
        InboxEventEntity row = new InboxEventEntity();
        row.setCorpId("wwrowinserts");
        row.setAgentId(agentId);
        row.setSource("CALLBACK");
        row.setDedupeKey(dedupeKey);
        row.setEventType("change_contact");
        row.setChangeType("update_user");
        row.setEntityKey(entityKey);
        row.setAltEntityKey(altKey);
        row.setEventTime(AT);
        row.setPayload("sealed:" + dedupeKey);
        row.setStatus(EventStatus.DONE.name()); // not PENDING: the worker leaves it alone
        row.setAttempts(0);
        row.setNextAttemptAt(AT.plus(5, ChronoUnit.MINUTES));
        row.setReceivedAt(AT.plusMillis(7));
        row.setUpdatedAt(AT.plusMillis(9));
        row.setTraceParent(trace);
        return row;
    }
}

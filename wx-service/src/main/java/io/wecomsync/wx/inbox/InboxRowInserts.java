package io.wecomsync.wx.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Multi-row INSERTs into {@code wx_inbox_event} in plain JDBC. This is the group commit's statement, run
 * for every callback: written as MyBatis dynamic SQL ({@code <foreach>}) it was rebuilt, re-parsed and
 * bound through reflection for each batch (28 % of wx-service's samples in a profile taken while it warmed
 * up; once warm, the difference is within the benchmark's noise — BENCHMARKS.md). Here each row count's
 * statement text is built once, and values are bound as MyBatis bound them (instants as
 * {@link Timestamp}s), so rows read back the same.
 * <p>
 * The statement is atomic: all rows are stored or none. When {@code skipStored}, a row whose dedupe key
 * is already stored is left as it is; otherwise it refuses the whole statement ({@code DuplicateKeyException}).
 */
@Component
class InboxRowInserts {

    private static final String INSERT = "INSERT INTO wx_inbox_event (corp_id, agent_id, source, dedupe_key, event_type,"
            + " change_type, entity_key, alt_entity_key, event_time, payload, status, attempts, next_attempt_at, received_at,"
            + " updated_at, trace_parent) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SKIP_STORED = " ON DUPLICATE KEY UPDATE id = id";
    /** Statement texts kept, by row count (negative: skipping stored rows); batches are at most a few hundred rows. */
    private static final int CACHED_UP_TO = 1024;

    private final JdbcTemplate jdbc;
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();

    InboxRowInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code rows} with one statement; answers how many rows MariaDB reports affected. */
    int insertAll(List<InboxEventEntity> rows, boolean skipStored) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.update(statement(rows.size(), skipStored), ps -> {
            int column = 1;
            for (InboxEventEntity row : rows) {
                column = bind(ps, column, row);
            }
        });
    }

    private String statement(int rows, boolean skipStored) {
        if (rows > CACHED_UP_TO) {
            return build(rows, skipStored);
        }
        return statements.computeIfAbsent(skipStored ? -rows : rows, key -> build(rows, skipStored));
    }

    private static String build(int rows, boolean skipStored) {
        StringBuilder sql = new StringBuilder(INSERT.length() + rows * (ROW.length() + 2) + SKIP_STORED.length()).append(INSERT);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        return skipStored ? sql.append(SKIP_STORED).toString() : sql.toString();
    }

    private static int bind(PreparedStatement ps, int first, InboxEventEntity row) throws SQLException {
        int c = first;
        ps.setString(c++, row.getCorpId());
        integer(ps, c++, row.getAgentId());
        ps.setString(c++, row.getSource());
        ps.setString(c++, row.getDedupeKey());
        ps.setString(c++, row.getEventType());
        ps.setString(c++, row.getChangeType());
        ps.setString(c++, row.getEntityKey());
        ps.setString(c++, row.getAltEntityKey());
        timestamp(ps, c++, row.getEventTime());
        ps.setString(c++, row.getPayload());
        ps.setString(c++, row.getStatus());
        integer(ps, c++, row.getAttempts());
        timestamp(ps, c++, row.getNextAttemptAt());
        timestamp(ps, c++, row.getReceivedAt());
        timestamp(ps, c++, row.getUpdatedAt());
        ps.setString(c++, row.getTraceParent());
        return c;
    }

    private static void integer(PreparedStatement ps, int column, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(column, Types.INTEGER);
        } else {
            ps.setInt(column, value);
        }
    }

    private static void timestamp(PreparedStatement ps, int column, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(column, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(column, Timestamp.from(value));
        }
    }
}

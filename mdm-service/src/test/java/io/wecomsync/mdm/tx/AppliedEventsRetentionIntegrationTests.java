package io.wecomsync.mdm.tx;

import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppliedEventsRetentionIntegrationTests extends MdmIntegrationTest {

    @Autowired
    private AppliedEventsRetention retention;

    @Test
    void recordsPastRetentionGoAndNewerOnesStay() {
        String corp = newCorpId();
        Instant now = Instant.now();
        record(corp, "old", now.minus(Duration.ofDays(45)));
        record(corp, "recent", now.minus(Duration.ofDays(2)));

        retention.purge();

        assertThat(jdbc.queryForList("SELECT source_event_id FROM mdm_applied_event WHERE corp_id = ?", String.class, corp))
                .containsExactly("recent");
    }

    @Test
    void aRetentionShorterThanADayIsRefused() {
        assertThatThrownBy(() -> new AppliedEventsProperties(Duration.ofHours(12)))
                .hasMessageContaining("mdm.applied-events.retention");
    }

    private void record(String corp, String eventId, Instant appliedAt) {
        jdbc.update("INSERT INTO mdm_applied_event (corp_id, source_event_id, action, subject, event_time, applied_at)"
                + " VALUES (?, ?, 'USER_UPSERT', 'u1', ?, ?)", corp, eventId, Timestamp.from(appliedAt), Timestamp.from(appliedAt));
    }
}

package io.wecomsync.wx.inbox;

import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming: one entity's events go out one at a time, in order, across workers; leases expire. */
class InboxOrderingIntegrationTests extends WxIntegrationTest {

    private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");

    @Autowired
    Inbox inbox;
    @Autowired
    InboxClaims claims;
    @Autowired
    InboxRetention retention;

    @Test
    void twoWorkersNeverHoldTwoEventsOfOneUserAndTakeThemInOrder() {
        long a1 = store("user:c:a", null, T, "a1");
        long a2 = store("user:c:a", null, T.plusSeconds(1), "a2");
        long a3 = store("user:c:a", null, T.plusSeconds(2), "a3");
        long b1 = store("user:c:b", null, T, "b1");

        List<InboxEvent> first = claims.claim("worker-1", 10);
        List<InboxEvent> second = claims.claim("worker-2", 10);

        assertThat(ids(first)).containsExactlyInAnyOrder(a1, b1);
        assertThat(second).as("a2 waits for a1, which worker-1 holds").isEmpty();

        claims.finish(event(first, a1), "worker-1", HandlerOutcome.done());
        assertThat(ids(claims.claim("worker-2", 10))).containsExactly(a2);
        assertThat(claims.claim("worker-1", 10)).isEmpty();
        assertThat(a3).isPositive();
    }

    @Test
    void anEarlierEventArrivingLaterStillGoesFirst() {
        long later = store("dept:c:5", null, T.plusSeconds(10), "later");
        long earlier = store("dept:c:5", null, T, "earlier");

        assertThat(ids(claims.claim("w", 10))).containsExactly(earlier);
        assertThat(later).as("stored first").isLessThan(earlier);
    }

    @Test
    void twoChangesInTheSameWeComSecondAreAppliedInTheOrderTheyArrived() {
        long first = store("user:c:tie", null, T, "tie-1");
        long second = store("user:c:tie", null, T, "tie-2");

        List<InboxEvent> claimed = claims.claim("w", 10);
        assertThat(ids(claimed)).containsExactly(first);
        claims.finish(claimed.get(0), "w", HandlerOutcome.done());
        assertThat(ids(claims.claim("w", 10))).as("the later arrival is applied last, so it wins").containsExactly(second);
    }

    @Test
    void aRenameHoldsBackEventsOfTheNewIdUntilItIsApplied() {
        long rename = store("user:c:old", "user:c:new", T, "rename");
        long underNewId = store("user:c:new", null, T.plusSeconds(1), "after-rename");

        List<InboxEvent> claimed = claims.claim("w", 10);
        assertThat(ids(claimed)).containsExactly(rename);
        claims.finish(event(claimed, rename), "w", HandlerOutcome.done());
        assertThat(ids(claims.claim("w", 10))).containsExactly(underNewId);
    }

    @Test
    void anEventOfACrashedWorkerIsReclaimedWhenItsLeaseExpires() {
        long id = store("user:c:crash", null, T, "crash");
        claims.claim("crashed-worker", 10);
        assertThat(claims.claim("other", 10)).isEmpty();

        jdbc.update("UPDATE wx_inbox_event SET lease_until = ? WHERE id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id);
        List<InboxEvent> reclaimed = claims.claim("other", 10);

        assertThat(ids(reclaimed)).containsExactly(id);
        assertThat(reclaimed.get(0).attempt()).isEqualTo(2);
        claims.finish(reclaimed.get(0), "crashed-worker", HandlerOutcome.done());
        assertThat(status(id)).as("the crashed worker lost its lease: its late answer changes nothing").isEqualTo("PROCESSING");
        claims.finish(reclaimed.get(0), "other", HandlerOutcome.done());
        assertThat(status(id)).isEqualTo("DONE");
    }

    @Test
    void aFailedEventIsRetriedAfterABackoffAndIsDeadAfterTheLastAttempt() throws Exception {
        long id = store("user:c:flaky", null, T, "flaky");
        for (int attempt = 1; attempt <= 3; attempt++) {
            List<InboxEvent> claimed = awaitClaim();
            assertThat(claimed.get(0).attempt()).isEqualTo(attempt);
            claims.finish(claimed.get(0), "w", new HandlerOutcome.Retry("mdm-service answered 503"));
        }

        assertThat(status(id)).isEqualTo("DEAD");
        assertThat(jdbc.queryForObject("SELECT last_error FROM wx_inbox_event WHERE id = ?", String.class, id))
                .isEqualTo("gave up after 3 attempts: mdm-service answered 503");
        assertThat(claims.claim("w", 10)).isEmpty();
    }

    @Test
    void aDeadEventHoldsBackLaterOnesOfItsEntityUntilItIsSkipped() {
        long dead = store("user:c:d", null, T, "d1");
        long next = store("user:c:d", null, T.plusSeconds(1), "d2");
        long other = store("user:c:e", null, T.plusSeconds(1), "e1");
        List<InboxEvent> claimed = claims.claim("w", 10);
        claims.finish(event(claimed, dead), "w", new HandlerOutcome.Dead("mdm-service answered 400"));
        claims.finish(event(claimed, other), "w", HandlerOutcome.done());

        assertThat(claims.claim("w", 10)).as("a later replay of d1 would otherwise reorder the user's changes").isEmpty();

        jdbc.update("UPDATE wx_inbox_event SET status = 'SKIPPED' WHERE id = ?", dead);
        assertThat(ids(claims.claim("w", 10))).containsExactly(next);
    }

    @Test
    void finishedEventsPastRetentionAreRemovedAndNothingElseIs() {
        long oldDone = store("user:c:r1", null, T, "old-done");
        long oldDead = store("user:c:r2", null, T, "old-dead");
        long recentDone = store("user:c:r3", null, T, "recent-done");
        long pending = store("user:c:r4", null, T, "pending");
        List<InboxEvent> claimed = claims.claim("w", 10);
        claims.finish(event(claimed, oldDone), "w", HandlerOutcome.done());
        claims.finish(event(claimed, oldDead), "w", new HandlerOutcome.Dead("refused"));
        claims.finish(event(claimed, recentDone), "w", HandlerOutcome.done());
        claims.finish(event(claimed, pending), "w", new HandlerOutcome.Retry("later"));
        java.sql.Timestamp longAgo = java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(30)));
        jdbc.update("UPDATE wx_inbox_event SET done_at = ? WHERE id IN (?, ?)", longAgo, oldDone, oldDead);

        assertThat(retention.purge()).isEqualTo(1);

        assertThat(jdbc.queryForList("SELECT id FROM wx_inbox_event ORDER BY id", Long.class))
                .containsExactly(oldDead, recentDone, pending);
    }

    private List<InboxEvent> awaitClaim() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<InboxEvent> claimed = claims.claim("w", 10);
            if (!claimed.isEmpty()) {
                return claimed;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing became due");
    }

    private long store(String entityKey, String altEntityKey, Instant time, String marker) {
        inbox.store(new InboundEvent("c", 1, InboundEvent.EventSource.CALLBACK, "change_contact", "update_user",
                entityKey, altEntityKey, time, "<xml><Marker>" + marker + "</Marker></xml>"));
        return jdbc.queryForObject("SELECT MAX(id) FROM wx_inbox_event", Long.class);
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM wx_inbox_event WHERE id = ?", String.class, id);
    }

    private static List<Long> ids(List<InboxEvent> events) {
        return events.stream().map(InboxEvent::id).toList();
    }

    private static InboxEvent event(List<InboxEvent> events, long id) {
        return events.stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }
}

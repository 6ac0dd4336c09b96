package io.wecomsync.wx.inbox;

/**
 * The statement that finds claimable entity heads, built to stay fast under a deep backlog (a
 * reconciliation or a bulk HR import queues tens of thousands of events):
 * <ul>
 *   <li>each kind of due row — pending, failed and due again, lease expired — is read in
 *       {@code idx_inbox_due} order {@code (status, next_attempt_at, id)}, and each part stops after
 *       {@code limit} heads instead of sorting every due row;</li>
 *   <li>"is anything of the same entity ahead of it" is four lookups on the entity-key indexes
 *       (key against key, key against alternate key, both ways) rather than one OR over both columns,
 *       which no index serves. The indexes are forced: with most alternate keys NULL, the optimizer
 *       otherwise estimates the alternate-key lookup as a scan and picks the status index instead —
 *       one full scan per candidate, seconds per claim with 40,000 events queued.</li>
 * </ul>
 * Across entities, events are taken in the order they fell due; within an entity, event-time order
 * holds (an earlier unfinished or DEAD event, or one under a live lease, blocks the rest: events behind a
 * DEAD head wait until it is replayed or skipped).
 */
final class InboxClaimSql {

    /** Another event {@code p} of the same entity that must go first (or is being applied right now). */
    private static final String BLOCKS = """
            p.status IN ('PENDING', 'FAILED', 'PROCESSING', 'DEAD') AND p.id <> e.id
                 AND ((p.status = 'PROCESSING' AND p.lease_until >= #{now})
                      OR p.event_time < e.event_time OR (p.event_time = e.event_time AND p.id < e.id))""";

    private static final String HEAD =
            "NOT EXISTS (SELECT 1 FROM wx_inbox_event p FORCE INDEX (idx_inbox_entity) WHERE p.entity_key = e.entity_key AND "
            + BLOCKS + ")\n"
            + "  AND NOT EXISTS (SELECT 1 FROM wx_inbox_event p FORCE INDEX (idx_inbox_alt_entity) WHERE p.alt_entity_key = e.entity_key AND "
            + BLOCKS + ")\n"
            + "  AND (e.alt_entity_key IS NULL\n"
            + "       OR (NOT EXISTS (SELECT 1 FROM wx_inbox_event p FORCE INDEX (idx_inbox_entity) WHERE p.entity_key = e.alt_entity_key AND "
            + BLOCKS + ")\n"
            + "           AND NOT EXISTS (SELECT 1 FROM wx_inbox_event p FORCE INDEX (idx_inbox_alt_entity) WHERE p.alt_entity_key = e.alt_entity_key AND "
            + BLOCKS + ")))";

    /**
     * The statement, a compile-time constant so that MyBatis reads it once at start-up ({@code @Select})
     * instead of building and parsing ~5 KB of SQL on every claim (as {@code @SelectProvider} does).
     */
    static final String CLAIMABLE_HEADS = "SELECT id FROM (\n"
            + "  (SELECT e.id, e.next_attempt_at AS due FROM wx_inbox_event e FORCE INDEX (idx_inbox_due)\n"
            + "   WHERE e.status = 'PENDING' AND e.next_attempt_at <= #{now} AND " + HEAD + "\n"
            + "   ORDER BY e.next_attempt_at, e.id LIMIT #{limit})\n"
            + "  UNION ALL\n"
            + "  (SELECT e.id, e.next_attempt_at AS due FROM wx_inbox_event e FORCE INDEX (idx_inbox_due)\n"
            + "   WHERE e.status = 'FAILED' AND e.next_attempt_at <= #{now} AND " + HEAD + "\n"
            + "   ORDER BY e.next_attempt_at, e.id LIMIT #{limit})\n"
            + "  UNION ALL\n"
            + "  (SELECT e.id, e.lease_until AS due FROM wx_inbox_event e FORCE INDEX (idx_inbox_due)\n"
            + "   WHERE e.status = 'PROCESSING' AND e.lease_until < #{now} AND " + HEAD + "\n"
            + "   ORDER BY e.lease_until, e.id LIMIT #{limit})\n"
            + ") heads\n"
            + "ORDER BY due, id\n"
            + "LIMIT #{limit}";

    private InboxClaimSql() {
    }
}

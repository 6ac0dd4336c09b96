package io.wecomsync.wx.inbox;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Mapper
interface InboxMapper extends BaseMapper<InboxEventEntity> {

    /**
     * Due events that are the head of their entity: no other event of the same entity (by either key)
     * is being processed under a live lease, and none that comes earlier is unfinished. A plain read:
     * locking happens only in {@link #lockClaimable}, so a row another worker holds is never mistaken
     * for a finished one. The statement is {@link InboxClaimSql#CLAIMABLE_HEADS}.
     */
    @Select(InboxClaimSql.CLAIMABLE_HEADS)
    List<Long> findClaimableHeads(@Param("now") Instant now, @Param("limit") int limit);

    /** Locks those of {@code ids} that are still claimable; rows other workers hold are skipped. */
    @Select("""
            <script>
            SELECT id FROM wx_inbox_event
            WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
              AND ((status IN ('PENDING', 'FAILED') AND next_attempt_at &lt;= #{now})
                   OR (status = 'PROCESSING' AND lease_until &lt; #{now}))
            FOR UPDATE SKIP LOCKED
            </script>
            """)
    List<Long> lockClaimable(@Param("ids") List<Long> ids, @Param("now") Instant now);

    @Update("""
            <script>
            UPDATE wx_inbox_event
            SET status = 'PROCESSING', lease_owner = #{owner}, lease_until = #{leaseUntil},
                lease_version = lease_version + 1, attempts = attempts + 1, updated_at = #{now}
            WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int markClaimed(@Param("ids") List<Long> ids, @Param("owner") String owner,
                    @Param("leaseUntil") Instant leaseUntil, @Param("now") Instant now);

    /**
     * Finishes an event under the claim {@code owner}/{@code leaseVersion}; 0 when that claim was lost
     * (its lease ran out and another worker, or this one again, took the event). A try that only waited
     * for a dependency gives its attempt back ({@code waited}) and counts as a wait instead.
     */
    @Update("""
            UPDATE wx_inbox_event
            SET status = #{status}, next_attempt_at = #{nextAttemptAt}, last_error = #{lastError},
                attempts = attempts - #{waited}, waits = waits + #{waited},
                lease_owner = NULL, lease_until = NULL, updated_at = #{now}, done_at = #{doneAt}
            WHERE id = #{id} AND lease_owner = #{owner} AND lease_version = #{leaseVersion} AND status = 'PROCESSING'
            """)
    int finish(@Param("id") long id, @Param("owner") String owner, @Param("leaseVersion") long leaseVersion,
               @Param("status") String status, @Param("nextAttemptAt") Instant nextAttemptAt,
               @Param("lastError") String lastError, @Param("waited") int waited,
               @Param("doneAt") Instant doneAt, @Param("now") Instant now);

    /**
     * Of {@code events}, the ids of those {@code owner} still holds under the claim each was handed out with
     * (its lease version), locked until the transaction ends.
     */
    @Select("""
            <script>
            SELECT id FROM wx_inbox_event
            WHERE id IN <foreach collection="events" item="e" open="(" separator="," close=")">#{e.id}</foreach>
              AND (id, lease_version) IN <foreach collection="events" item="e" open="(" separator="," close=")">(#{e.id}, #{e.leaseVersion})</foreach>
              AND lease_owner = #{owner} AND status = 'PROCESSING'
            FOR UPDATE
            </script>
            """)
    List<Long> lockHeld(@Param("events") List<InboxEvent> events, @Param("owner") String owner);

    /** Marks events DONE in one statement: only ids {@link #lockHeld} answered in this transaction. */
    @Update("""
            <script>
            UPDATE wx_inbox_event
            SET status = 'DONE', next_attempt_at = #{now}, last_error = NULL, lease_owner = NULL, lease_until = NULL,
                updated_at = #{now}, done_at = #{now}
            WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int doneAll(@Param("ids") List<Long> ids, @Param("now") Instant now);

    /** Extends the leases {@code owner} still holds on {@code ids}; answers how many it still held. */
    @Update("""
            <script>
            UPDATE wx_inbox_event SET lease_until = #{leaseUntil}
            WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
              AND lease_owner = #{owner} AND status = 'PROCESSING' AND lease_until &gt;= #{now}
            </script>
            """)
    int renew(@Param("ids") List<Long> ids, @Param("owner") String owner, @Param("leaseUntil") Instant leaseUntil,
              @Param("now") Instant now);

    /** Sets a DEAD event aside for good, so the later events of its entity go on; answers 0 when it is not DEAD. */
    @Update("""
            UPDATE wx_inbox_event
            SET status = 'SKIPPED', last_error = #{note}, updated_at = #{now}, done_at = #{now}
            WHERE id = #{id} AND status = 'DEAD'
            """)
    int skip(@Param("id") long id, @Param("note") String note, @Param("now") Instant now);

    /** Puts DEAD or IGNORED events back in line; answers how many. */
    @Update("""
            <script>
            UPDATE wx_inbox_event
            SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}, last_error = NULL, updated_at = #{now}
            WHERE status IN ('DEAD', 'IGNORED')
            <if test="id != null"> AND id = #{id}</if>
            <if test="corpId != null"> AND corp_id = #{corpId} AND status = 'DEAD'</if>
            </script>
            """)
    int replay(@Param("id") Long id, @Param("corpId") String corpId, @Param("now") Instant now);

    /** Whether an event of {@code entityKey} is queued and not started (PENDING, or FAILED awaiting its retry). */
    @Select("""
            SELECT COUNT(*) > 0 FROM wx_inbox_event FORCE INDEX (idx_inbox_entity)
            WHERE entity_key = #{entityKey} AND status IN ('PENDING', 'FAILED')
            """)
    boolean hasWaiting(@Param("entityKey") String entityKey);

    /** The first DEAD event of the same entity (by either key) that comes before the given one; null when none. */
    @Select("""
            <script>
            SELECT MIN(id) FROM wx_inbox_event
            WHERE status = 'DEAD' AND id &lt;&gt; #{id}
              AND (entity_key = #{key} OR alt_entity_key = #{key}
                   <if test="altKey != null"> OR entity_key = #{altKey} OR alt_entity_key = #{altKey}</if>)
              AND (event_time &lt; #{eventTime} OR (event_time = #{eventTime} AND id &lt; #{id}))
            </script>
            """)
    Long deadAhead(@Param("id") long id, @Param("key") String key, @Param("altKey") String altKey,
                   @Param("eventTime") Instant eventTime);

    @Select("SELECT status, COUNT(*) AS n FROM wx_inbox_event GROUP BY status")
    List<Map<String, Object>> countByStatus();

    @Select("SELECT MIN(received_at) FROM wx_inbox_event WHERE status IN ('PENDING', 'FAILED', 'PROCESSING')")
    Instant oldestUnfinished();

    /** Deletes finished events older than {@code before}, at most {@code limit} at a time; answers how many. */
    @Delete("""
            DELETE FROM wx_inbox_event
            WHERE status IN ('DONE', 'IGNORED', 'SKIPPED') AND done_at < #{before}
            ORDER BY id
            LIMIT #{limit}
            """)
    int purgeFinished(@Param("before") Instant before, @Param("limit") int limit);
}

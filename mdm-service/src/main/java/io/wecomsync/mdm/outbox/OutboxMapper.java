package io.wecomsync.mdm.outbox;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Mapper
interface OutboxMapper extends BaseMapper<OutboxEntity> {

    /**
     * Records a change of a user for a target, coalesced with any delivery still waiting: the sequence
     * goes up, the latest change is kept, the wxUserId the target last got is kept across renames, and a
     * waiting delivery keeps its backoff (a failing target is not hammered by a busy user). A DELIVERED or
     * DEAD row becomes due at once. One statement for every target and change; joins the caller's transaction.
     */
    @Insert("""
            <script>
            INSERT INTO mdm_outbox (target, user_id, corp_id, change_seq, delivered_seq, last_change, previous_wx_user_id,
                status, attempts, next_attempt_at, created_at, updated_at, trace_id) VALUES
            <foreach collection="targets" item="t" separator=",">
              <foreach collection="changes" item="c" separator=",">
                (#{t}, #{c.userId}, #{c.corpId}, 1, 0, #{c.change}, #{c.previousWxUserId}, 'PENDING', 0, #{now}, #{now}, #{now}, #{c.traceId})
              </foreach>
            </foreach>
            ON DUPLICATE KEY UPDATE
                change_seq = change_seq + 1,
                last_change = VALUES(last_change),
                trace_id = VALUES(trace_id),
                previous_wx_user_id = COALESCE(previous_wx_user_id, VALUES(previous_wx_user_id)),
                next_attempt_at = IF(status = 'PENDING', next_attempt_at, VALUES(next_attempt_at)),
                attempts = IF(status = 'PENDING', attempts, 0),
                waits = IF(status = 'PENDING', waits, 0),
                status = 'PENDING',
                updated_at = VALUES(updated_at)
            </script>
            """)
    int record(@Param("targets") List<String> targets, @Param("changes") List<Outbox.Changed> changes,
               @Param("now") Instant now);

    /** Locks due deliveries of {@code targets} that no live claim holds; rows other relays lock are skipped. */
    @Select("""
            <script>
            SELECT id FROM mdm_outbox FORCE INDEX (idx_outbox_due)
            WHERE status = 'PENDING' AND next_attempt_at &lt;= #{now}
              AND (lease_until IS NULL OR lease_until &lt; #{now})
              AND target IN <foreach collection="targets" item="t" open="(" separator="," close=")">#{t}</foreach>
            ORDER BY next_attempt_at, id
            LIMIT #{limit}
            FOR UPDATE SKIP LOCKED
            </script>
            """)
    List<Long> lockDue(@Param("targets") List<String> targets, @Param("now") Instant now, @Param("limit") int limit);

    @Update("""
            <script>
            UPDATE mdm_outbox SET lease_owner = #{token}, lease_until = #{leaseUntil}
            WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int lease(@Param("ids") List<Long> ids, @Param("token") String token, @Param("leaseUntil") Instant leaseUntil);

    /**
     * The target accepted change {@code seq}: DELIVERED unless the user changed again meanwhile, in which
     * case it stays due and the next delivery tells the wxUserId the target now knows. Only under the claim.
     */
    @Update("""
            UPDATE mdm_outbox
            SET delivered_seq = #{seq},
                status = IF(change_seq = #{seq}, 'DELIVERED', 'PENDING'),
                previous_wx_user_id = IF(change_seq = #{seq}, NULL, #{deliveredWxUserId}),
                attempts = 0, waits = 0, next_attempt_at = #{now}, lease_owner = NULL, lease_until = NULL,
                last_error = NULL, last_http_status = #{httpStatus}, delivered_at = #{now}, updated_at = #{now}
            WHERE id = #{id} AND lease_owner = #{token}
            """)
    int delivered(@Param("id") long id, @Param("token") String token, @Param("seq") long seq,
                  @Param("deliveredWxUserId") String deliveredWxUserId, @Param("httpStatus") Integer httpStatus,
                  @Param("now") Instant now);

    /** A failed delivery: due again at {@code nextAttemptAt}, or DEAD. Only under the claim. */
    @Update("""
            UPDATE mdm_outbox
            SET status = #{status}, attempts = attempts + #{counted}, waits = waits + 1 - #{counted},
                next_attempt_at = #{nextAttemptAt},
                lease_owner = NULL, lease_until = NULL, last_error = #{error}, last_http_status = #{httpStatus},
                updated_at = #{now}
            WHERE id = #{id} AND lease_owner = #{token}
            """)
    int failed(@Param("id") long id, @Param("token") String token, @Param("status") String status,
               @Param("counted") int counted, @Param("nextAttemptAt") Instant nextAttemptAt,
               @Param("error") String error, @Param("httpStatus") Integer httpStatus, @Param("now") Instant now);

    /** Gives a claimed delivery back untried (its target's breaker is open): due again at {@code nextAttemptAt}. */
    @Update("""
            UPDATE mdm_outbox SET lease_owner = NULL, lease_until = NULL, next_attempt_at = #{nextAttemptAt}
            WHERE id = #{id} AND lease_owner = #{token}
            """)
    int release(@Param("id") long id, @Param("token") String token, @Param("nextAttemptAt") Instant nextAttemptAt);

    /** Puts DEAD deliveries back in line: one by id, or all of a target. */
    @Update("""
            <script>
            UPDATE mdm_outbox SET status = 'PENDING', attempts = 0, waits = 0, next_attempt_at = #{now}, updated_at = #{now}
            WHERE status = 'DEAD'
            <if test="id != null"> AND id = #{id}</if>
            <if test="target != null"> AND target = #{target}</if>
            </script>
            """)
    int replay(@Param("id") Long id, @Param("target") String target, @Param("now") Instant now);

    /** Rows waiting (PENDING) or given up (DEAD) per target, and the oldest pending change's time. */
    @Select("""
            SELECT target, status, COUNT(*) AS total, MIN(updated_at) AS oldest
            FROM mdm_outbox WHERE status IN ('PENDING', 'DEAD') GROUP BY target, status
            """)
    List<Map<String, Object>> backlog();
}

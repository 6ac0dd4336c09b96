package io.wecomsync.mdm.tx;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Remembers which source event each write applied, inside the write's transaction, so a repeated
 * event is recognized however it comes back (a retried call, an inbox event applied again).
 */
@Mapper
public interface AppliedEvents {

    /**
     * Which of {@code events} (all of {@code corpId} and {@code action}) were applied before, as stored
     * (subjects compare without case, as the key does).
     */
    @Select("""
            <script>
            SELECT source_event_id, subject, event_time FROM mdm_applied_event
            WHERE corp_id = #{corpId} AND action = #{action}
              AND source_event_id IN <foreach collection="events" item="e" open="(" separator="," close=")">#{e.sourceEventId}</foreach>
              AND (source_event_id, subject, event_time) IN
              <foreach collection="events" item="e" open="(" separator="," close=")">(#{e.sourceEventId}, #{e.subject}, #{e.eventTime})</foreach>
            </script>
            """)
    List<Applied> applied(@Param("corpId") String corpId, @Param("action") String action,
                         @Param("events") Collection<Applied> events);

    /** Records several applied events in one statement; one recorded before fails it all (a duplicate key). */
    @Insert("""
            <script>
            INSERT INTO mdm_applied_event (corp_id, source_event_id, action, subject, event_time, applied_at) VALUES
            <foreach collection="events" item="e" separator=",">(#{corpId}, #{e.sourceEventId}, #{action}, #{e.subject}, #{e.eventTime}, #{now})</foreach>
            </script>
            """)
    int recordAll(@Param("corpId") String corpId, @Param("action") String action,
                  @Param("events") Collection<Applied> events, @Param("now") Instant now);

    /** Deletes up to {@code limit} records applied before {@code before}; answers how many. */
    @Delete("DELETE FROM mdm_applied_event WHERE applied_at < #{before} ORDER BY applied_at LIMIT #{limit}")
    int purgeAppliedBefore(@Param("before") Instant before, @Param("limit") int limit);

    /** One event applied to one subject. */
    record Applied(String sourceEventId, String subject, Instant eventTime) {
    }
}

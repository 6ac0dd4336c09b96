package io.wecomsync.mdm.tx;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;

/**
 * Remembers which source event each write applied, inside the write's transaction, so a repeated
 * event is recognized however it comes back (a retried call, an inbox event applied again).
 */
@Mapper
public interface AppliedEvents {

    /**
     * Records that {@code sourceEventId} of {@code eventTime} was applied as {@code action} to
     * {@code subject}; 0 when it already was. The time is part of the key, so an id that comes back for a
     * different event (a source whose counter restarted) is not mistaken for a repeat.
     */
    @Insert("""
            INSERT IGNORE INTO mdm_applied_event (corp_id, source_event_id, action, subject, event_time, applied_at)
            VALUES (#{corpId}, #{sourceEventId}, #{action}, #{subject}, #{eventTime}, #{now})
            """)
    int record(@Param("corpId") String corpId, @Param("sourceEventId") String sourceEventId,
               @Param("action") String action, @Param("subject") String subject,
               @Param("eventTime") Instant eventTime, @Param("now") Instant now);
}

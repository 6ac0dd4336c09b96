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

    /** Records that {@code sourceEventId} was applied as {@code action} to {@code subject}; 0 when it already was. */
    @Insert("""
            INSERT IGNORE INTO mdm_applied_event (corp_id, source_event_id, action, subject, applied_at)
            VALUES (#{corpId}, #{sourceEventId}, #{action}, #{subject}, #{now})
            """)
    int record(@Param("corpId") String corpId, @Param("sourceEventId") String sourceEventId,
               @Param("action") String action, @Param("subject") String subject, @Param("now") Instant now);
}

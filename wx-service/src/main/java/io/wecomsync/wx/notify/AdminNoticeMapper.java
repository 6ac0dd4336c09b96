package io.wecomsync.wx.notify;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface AdminNoticeMapper {

    @Insert("""
            INSERT INTO wx_admin_notice (notice_key, kind, corp_id, detail, occurrences, pending, last_raised_at)
            VALUES (#{key}, #{kind}, #{corpId}, #{detail}, 1, 1, #{now})
            ON DUPLICATE KEY UPDATE detail = VALUES(detail), occurrences = occurrences + 1, pending = 1,
                last_raised_at = VALUES(last_raised_at)
            """)
    void raise(@Param("key") String key, @Param("kind") String kind, @Param("corpId") String corpId,
               @Param("detail") String detail, @Param("now") Instant now);

    /** A condition that went away before it was sent is not sent. */
    @Update("UPDATE wx_admin_notice SET pending = 0, occurrences = 0 WHERE notice_key = #{key} AND pending = 1")
    int resolve(@Param("key") String key);

    /** Pending conditions not sent within the interval (sent before {@code sentBefore} or never), oldest first. */
    @Select("""
            SELECT notice_key, kind, corp_id, detail, occurrences, last_raised_at, last_sent_at FROM wx_admin_notice
            WHERE pending = 1 AND (last_sent_at IS NULL OR last_sent_at <= #{sentBefore})
            ORDER BY last_raised_at LIMIT #{limit}
            """)
    List<AdminNotice> due(@Param("sentBefore") Instant sentBefore, @Param("limit") int limit);

    /** A send that failed: the condition stays pending, tried again once the interval has passed. */
    @Update("UPDATE wx_admin_notice SET last_sent_at = #{now} WHERE notice_key = #{key}")
    void attempted(@Param("key") String key, @Param("now") Instant now);

    /**
     * Marks what was sent; occurrences raised meanwhile stay pending for the next message. MariaDB and MySQL
     * assign left to right, so {@code pending} sees the occurrences already reduced.
     */
    @Update("""
            UPDATE wx_admin_notice SET occurrences = GREATEST(occurrences - #{sent}, 0),
                pending = IF(occurrences > 0, 1, 0), last_sent_at = #{now}
            WHERE notice_key = #{key}
            """)
    void sent(@Param("key") String key, @Param("sent") int sent, @Param("now") Instant now);
}

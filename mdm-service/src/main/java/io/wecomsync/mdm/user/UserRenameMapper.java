package io.wecomsync.mdm.user;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;

/** The history of a user's WeCom userids ({@code mdm_user_rename}). */
@Mapper
interface UserRenameMapper {

    @Insert("""
            INSERT INTO mdm_user_rename (user_id, corp_id, old_wx_user_id, new_wx_user_id, source_event_time, source_event_id, renamed_at)
            VALUES (#{userId}, #{corpId}, #{oldWxUserId}, #{newWxUserId}, #{sourceEventTime}, #{sourceEventId}, #{renamedAt})
            """)
    int insert(@Param("userId") String userId, @Param("corpId") String corpId,
               @Param("oldWxUserId") String oldWxUserId, @Param("newWxUserId") String newWxUserId,
               @Param("sourceEventTime") Instant sourceEventTime, @Param("sourceEventId") String sourceEventId,
               @Param("renamedAt") Instant renamedAt);
}

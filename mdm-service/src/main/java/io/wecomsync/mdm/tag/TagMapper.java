package io.wecomsync.mdm.tag;

import io.wecomsync.common.mdm.TagSummary;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** {@code mdm_tag}, {@code mdm_tag_user} and {@code mdm_tag_department}; membership writes are batched. */
@Mapper
interface TagMapper {

    /** Creates the tag row if missing; answers 1 when it was created. */
    @Insert("""
            INSERT IGNORE INTO mdm_tag (corp_id, tag_id, name, created_at, updated_at)
            VALUES (#{corpId}, #{tagId}, NULL, #{now}, #{now})
            """)
    int insertIfMissing(@Param("corpId") String corpId, @Param("tagId") long tagId, @Param("now") Instant now);

    /** Locks the tag row for the rest of the transaction, so concurrent member changes queue up. */
    @Select("SELECT COALESCE(name, '') FROM mdm_tag WHERE corp_id = #{corpId} AND tag_id = #{tagId} FOR UPDATE")
    String lockAndReadName(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Select("SELECT members_time FROM mdm_tag WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    Instant membersTime(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Update("UPDATE mdm_tag SET members_time = #{time} WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    int updateMembersTime(@Param("corpId") String corpId, @Param("tagId") long tagId, @Param("time") Instant time);

    @Select("SELECT name FROM mdm_tag WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    List<String> findName(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Update("UPDATE mdm_tag SET name = #{name}, updated_at = #{now} WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    int updateName(@Param("corpId") String corpId, @Param("tagId") long tagId, @Param("name") String name,
                   @Param("now") Instant now);

    @Select("SELECT wx_user_id FROM mdm_tag_user WHERE corp_id = #{corpId} AND tag_id = #{tagId} ORDER BY wx_user_id")
    List<String> findUsers(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Select("SELECT dept_id FROM mdm_tag_department WHERE corp_id = #{corpId} AND tag_id = #{tagId} ORDER BY dept_id")
    List<Long> findDepartments(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Insert("""
            <script>
            INSERT IGNORE INTO mdm_tag_user (corp_id, tag_id, wx_user_id, created_at) VALUES
            <foreach collection="users" item="u" separator=",">(#{corpId}, #{tagId}, #{u}, #{now})</foreach>
            </script>
            """)
    int insertUsers(@Param("corpId") String corpId, @Param("tagId") long tagId,
                    @Param("users") Collection<String> users, @Param("now") Instant now);

    @Delete("""
            <script>
            DELETE FROM mdm_tag_user WHERE corp_id = #{corpId} AND tag_id = #{tagId} AND wx_user_id IN
            <foreach collection="users" item="u" open="(" separator="," close=")">#{u}</foreach>
            </script>
            """)
    int deleteUsers(@Param("corpId") String corpId, @Param("tagId") long tagId, @Param("users") Collection<String> users);

    @Insert("""
            <script>
            INSERT IGNORE INTO mdm_tag_department (corp_id, tag_id, dept_id, created_at) VALUES
            <foreach collection="departments" item="d" separator=",">(#{corpId}, #{tagId}, #{d}, #{now})</foreach>
            </script>
            """)
    int insertDepartments(@Param("corpId") String corpId, @Param("tagId") long tagId,
                          @Param("departments") Collection<Long> departments, @Param("now") Instant now);

    @Delete("""
            <script>
            DELETE FROM mdm_tag_department WHERE corp_id = #{corpId} AND tag_id = #{tagId} AND dept_id IN
            <foreach collection="departments" item="d" open="(" separator="," close=")">#{d}</foreach>
            </script>
            """)
    int deleteDepartments(@Param("corpId") String corpId, @Param("tagId") long tagId,
                          @Param("departments") Collection<Long> departments);

    /** Moves a renamed user's memberships to the new userid (where the new id is not already a member). */
    @Update("UPDATE IGNORE mdm_tag_user SET wx_user_id = #{newWxUserId} WHERE corp_id = #{corpId} AND wx_user_id = #{oldWxUserId}")
    int renameUser(@Param("corpId") String corpId, @Param("oldWxUserId") String oldWxUserId,
                   @Param("newWxUserId") String newWxUserId);

    @Delete("DELETE FROM mdm_tag_user WHERE corp_id = #{corpId} AND wx_user_id = #{wxUserId}")
    int deleteUserEverywhere(@Param("corpId") String corpId, @Param("wxUserId") String wxUserId);

    @Select("SELECT tag_id, name AS tag_name FROM mdm_tag WHERE corp_id = #{corpId} ORDER BY tag_id")
    List<TagSummary> findAll(@Param("corpId") String corpId);

    @Delete("DELETE FROM mdm_tag_user WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    int deleteAllUsers(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Delete("DELETE FROM mdm_tag_department WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    int deleteAllDepartments(@Param("corpId") String corpId, @Param("tagId") long tagId);

    @Delete("DELETE FROM mdm_tag WHERE corp_id = #{corpId} AND tag_id = #{tagId}")
    int deleteTag(@Param("corpId") String corpId, @Param("tagId") long tagId);
}

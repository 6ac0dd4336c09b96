package io.wecomsync.mdm.user;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

@Mapper
interface UserMapper extends BaseMapper<UserEntity> {

    @Select("SELECT * FROM mdm_user WHERE corp_id = #{corpId} AND wx_user_id = #{wxUserId}")
    UserEntity findByWxUserId(@Param("corpId") String corpId, @Param("wxUserId") String wxUserId);

    /**
     * The corp's users holding any of {@code wxUserIds} (compared without case), locked until the
     * transaction ends: nobody changes them between a batch's read and its write.
     */
    @Select("""
            <script>
            SELECT * FROM mdm_user WHERE corp_id = #{corpId} AND wx_user_id IN
            <foreach collection="wxUserIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            FOR UPDATE
            </script>
            """)
    List<UserEntity> lockByWxUserIds(@Param("corpId") String corpId, @Param("wxUserIds") List<String> wxUserIds);

    /** New users, one multi-row INSERT; a wxUserId someone else inserted meanwhile fails the whole statement. */
    @Insert("""
            <script>
            INSERT INTO mdm_user (user_id, corp_id, wx_user_id, name, alias, position, gender, status, mobile_cipher, mobile_hash, email_cipher, email_hash, biz_mail_cipher, telephone_cipher, address_cipher, avatar, direct_leader, main_department, ext_attrs, employee_no, mapped_fields, last_event_time, last_event_id, field_times, deleted, deleted_at, version, created_at, updated_at) VALUES
            <foreach collection="rows" item="r" separator=",">(#{r.userId}, #{r.corpId}, #{r.wxUserId}, #{r.name}, #{r.alias}, #{r.position}, #{r.gender}, #{r.status}, #{r.mobileCipher}, #{r.mobileHash}, #{r.emailCipher}, #{r.emailHash}, #{r.bizMailCipher}, #{r.telephoneCipher}, #{r.addressCipher}, #{r.avatar}, #{r.directLeader}, #{r.mainDepartment}, #{r.extAttrs}, #{r.employeeNo}, #{r.mappedFields}, #{r.lastEventTime}, #{r.lastEventId}, #{r.fieldTimes}, #{r.deleted}, #{r.deletedAt}, #{r.version}, #{r.createdAt}, #{r.updatedAt})</foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<UserEntity> rows);

    /**
     * Writes back users this transaction holds locked ({@link #lockByWxUserIds}) in one statement: each
     * row matches itself by user id, and its version goes up. Never use it for rows not locked.
     */
    @Insert("""
            <script>
            INSERT INTO mdm_user (user_id, corp_id, wx_user_id, name, alias, position, gender, status, mobile_cipher, mobile_hash, email_cipher, email_hash, biz_mail_cipher, telephone_cipher, address_cipher, avatar, direct_leader, main_department, ext_attrs, employee_no, mapped_fields, last_event_time, last_event_id, field_times, deleted, deleted_at, version, created_at, updated_at) VALUES
            <foreach collection="rows" item="r" separator=",">(#{r.userId}, #{r.corpId}, #{r.wxUserId}, #{r.name}, #{r.alias}, #{r.position}, #{r.gender}, #{r.status}, #{r.mobileCipher}, #{r.mobileHash}, #{r.emailCipher}, #{r.emailHash}, #{r.bizMailCipher}, #{r.telephoneCipher}, #{r.addressCipher}, #{r.avatar}, #{r.directLeader}, #{r.mainDepartment}, #{r.extAttrs}, #{r.employeeNo}, #{r.mappedFields}, #{r.lastEventTime}, #{r.lastEventId}, #{r.fieldTimes}, #{r.deleted}, #{r.deletedAt}, #{r.version}, #{r.createdAt}, #{r.updatedAt})</foreach>
            ON DUPLICATE KEY UPDATE
                name = VALUES(name),
                alias = VALUES(alias),
                position = VALUES(position),
                gender = VALUES(gender),
                status = VALUES(status),
                mobile_cipher = VALUES(mobile_cipher),
                mobile_hash = VALUES(mobile_hash),
                email_cipher = VALUES(email_cipher),
                email_hash = VALUES(email_hash),
                biz_mail_cipher = VALUES(biz_mail_cipher),
                telephone_cipher = VALUES(telephone_cipher),
                address_cipher = VALUES(address_cipher),
                avatar = VALUES(avatar),
                direct_leader = VALUES(direct_leader),
                main_department = VALUES(main_department),
                ext_attrs = VALUES(ext_attrs),
                employee_no = VALUES(employee_no),
                mapped_fields = VALUES(mapped_fields),
                last_event_time = VALUES(last_event_time),
                last_event_id = VALUES(last_event_id),
                field_times = VALUES(field_times),
                deleted = VALUES(deleted),
                deleted_at = VALUES(deleted_at),
                updated_at = VALUES(updated_at),
                version = version + 1
            </script>
            """)
    int updateLocked(@Param("rows") List<UserEntity> rows);
}

package io.wecomsync.mdm.user;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

@Mapper
interface UserDepartmentMapper {

    @Select("SELECT * FROM mdm_user_department WHERE user_id = #{userId} ORDER BY dept_id")
    List<UserDepartmentEntity> findByUserId(@Param("userId") String userId);

    @Delete("""
            <script>
            DELETE FROM mdm_user_department WHERE user_id IN
            <foreach collection="userIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int deleteByUserIds(@Param("userIds") List<String> userIds);

    /** One multi-row INSERT for the whole membership. */
    @Insert("""
            <script>
            INSERT INTO mdm_user_department (user_id, dept_id, corp_id, sort_order, is_leader) VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.userId}, #{r.deptId}, #{r.corpId}, #{r.sortOrder}, #{r.isLeader})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<UserDepartmentEntity> rows);

    @Select("""
            <script>
            SELECT * FROM mdm_user_department WHERE user_id IN
            <foreach collection="userIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<UserDepartmentEntity> findByUserIds(@Param("userIds") List<String> userIds);
}

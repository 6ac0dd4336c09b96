package io.wecomsync.mdm.directory;

import io.wecomsync.common.mdm.TagSummary;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

@Mapper
interface DirectoryMapper {

    @Select("""
            SELECT d.dept_id, d.name, d.parent_id, d.sort_order AS `order`,
                   (SELECT COUNT(*) FROM mdm_user_department ud JOIN mdm_user u ON u.user_id = ud.user_id
                     WHERE ud.corp_id = d.corp_id AND ud.dept_id = d.dept_id AND u.deleted = 0) AS members
            FROM mdm_department d
            WHERE d.corp_id = #{corpId} AND d.deleted = 0
            ORDER BY d.parent_id, d.sort_order, d.dept_id""")
    List<DirectoryController.DepartmentNode> departments(@Param("corpId") String corpId);

    @Select("""
            SELECT u.user_id, u.wx_user_id, u.name, u.position, u.status, ud.is_leader AS leader
            FROM mdm_user_department ud JOIN mdm_user u ON u.user_id = ud.user_id
            WHERE ud.corp_id = #{corpId} AND ud.dept_id = #{deptId} AND u.deleted = 0
            ORDER BY ud.sort_order, u.wx_user_id
            LIMIT #{limit} OFFSET #{offset}""")
    List<DirectoryController.Member> members(@Param("corpId") String corpId, @Param("deptId") long deptId,
                                             @Param("limit") long limit, @Param("offset") long offset);

    @Select("""
            SELECT COUNT(*) FROM mdm_user_department ud JOIN mdm_user u ON u.user_id = ud.user_id
            WHERE ud.corp_id = #{corpId} AND ud.dept_id = #{deptId} AND u.deleted = 0""")
    long countMembers(@Param("corpId") String corpId, @Param("deptId") long deptId);

    @Select("""
            SELECT t.tag_id, t.name AS tag_name FROM mdm_tag_user tu
            JOIN mdm_tag t ON t.corp_id = tu.corp_id AND t.tag_id = tu.tag_id
            WHERE tu.corp_id = #{corpId} AND tu.wx_user_id = #{wxUserId} ORDER BY t.tag_id""")
    List<TagSummary> tagsOf(@Param("corpId") String corpId, @Param("wxUserId") String wxUserId);
}

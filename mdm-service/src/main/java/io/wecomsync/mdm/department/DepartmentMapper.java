package io.wecomsync.mdm.department;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface DepartmentMapper extends BaseMapper<DepartmentEntity> {

    @Select("SELECT * FROM mdm_department WHERE corp_id = #{corpId} AND dept_id = #{deptId}")
    DepartmentEntity find(@Param("corpId") String corpId, @Param("deptId") long deptId);
}

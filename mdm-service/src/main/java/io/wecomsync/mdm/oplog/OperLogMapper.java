package io.wecomsync.mdm.oplog;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
interface OperLogMapper extends BaseMapper<OperLogEntity> {

    /** Several entries in one multi-row INSERT. */
    @Insert("""
            <script>
            INSERT INTO mdm_oper_log (created_at, corp_id, action, target_type, target_id, result, changes,
                source_event_id, trace_id, caller, operator, message) VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.createdAt}, #{r.corpId}, #{r.action}, #{r.targetType}, #{r.targetId}, #{r.result}, #{r.changes},
               #{r.sourceEventId}, #{r.traceId}, #{r.caller}, #{r.operator}, #{r.message})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<OperLogEntity> rows);
}

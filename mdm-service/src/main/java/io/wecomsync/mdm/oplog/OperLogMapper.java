package io.wecomsync.mdm.oplog;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface OperLogMapper extends BaseMapper<OperLogEntity> {
}

package io.wecomsync.mdm.crm;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface CrmSyncAttemptMapper extends BaseMapper<CrmSyncAttemptEntity> {
}

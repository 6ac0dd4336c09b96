package io.wecomsync.mdm.user;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface UserMapper extends BaseMapper<UserEntity> {

    @Select("SELECT * FROM mdm_user WHERE corp_id = #{corpId} AND wx_user_id = #{wxUserId}")
    UserEntity findByWxUserId(@Param("corpId") String corpId, @Param("wxUserId") String wxUserId);
}

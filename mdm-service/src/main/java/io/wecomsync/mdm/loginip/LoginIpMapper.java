package io.wecomsync.mdm.loginip;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

@Mapper
interface LoginIpMapper {

    @Select("SELECT ip FROM mdm_login_ip WHERE ip_type = #{type} ORDER BY ip")
    List<String> findIps(@Param("type") String type);

    @Select("SELECT MAX(created_at) FROM mdm_login_ip WHERE ip_type = #{type}")
    Instant lastReplacedAt(@Param("type") String type);

    @Delete("DELETE FROM mdm_login_ip WHERE ip_type = #{type}")
    int deleteType(@Param("type") String type);

    @Insert("""
            <script>
            INSERT INTO mdm_login_ip (ip_type, ip, created_at) VALUES
            <foreach collection="ips" item="ip" separator=",">(#{type}, #{ip}, #{now})</foreach>
            </script>
            """)
    int insertAll(@Param("type") String type, @Param("ips") List<String> ips, @Param("now") Instant now);
}

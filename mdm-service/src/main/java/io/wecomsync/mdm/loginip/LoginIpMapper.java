package io.wecomsync.mdm.loginip;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface LoginIpMapper {

    @Select("SELECT ip FROM mdm_login_ip WHERE ip_type = #{type} ORDER BY ip")
    List<String> findIps(@Param("type") String type);

    /** Per list type, when a replace last listed any of its addresses: the list's last refresh. */
    @Select("SELECT ip_type, MAX(listed_at) FROM mdm_login_ip GROUP BY ip_type")
    List<LastListed> lastListed();

    /** Each address with when a replace last listed it. */
    @Select("SELECT ip, listed_at FROM mdm_login_ip WHERE ip_type = #{type} ORDER BY ip")
    List<Listed> findListed(@Param("type") String type);

    /** Marks {@code ips} as listed now (a replace that changed nothing else). */
    @Update("""
            <script>
            UPDATE mdm_login_ip SET listed_at = #{now}
            WHERE ip_type = #{type} AND ip IN <foreach collection="ips" item="ip" open="(" separator="," close=")">#{ip}</foreach>
            </script>
            """)
    int markListed(@Param("type") String type, @Param("ips") List<String> ips, @Param("now") Instant now);

    @Select("SELECT MAX(created_at) FROM mdm_login_ip WHERE ip_type = #{type}")
    Instant lastReplacedAt(@Param("type") String type);

    @Delete("DELETE FROM mdm_login_ip WHERE ip_type = #{type}")
    int deleteType(@Param("type") String type);

    @Insert("""
            <script>
            INSERT INTO mdm_login_ip (ip_type, ip, created_at, listed_at) VALUES
            <foreach collection="ips" item="ip" separator=",">(#{type}, #{ip.ip}, #{now}, #{ip.listedAt})</foreach>
            </script>
            """)
    int insertAll(@Param("type") String type, @Param("ips") List<Listed> ips, @Param("now") Instant now);

    /** An address and when a replace last listed it. */
    /** A list type and when it was last listed. */
    record LastListed(String type, Instant listedAt) {
    }

    record Listed(String ip, Instant listedAt) {
    }
}

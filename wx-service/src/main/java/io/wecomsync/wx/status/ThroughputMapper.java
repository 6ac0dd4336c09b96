package io.wecomsync.wx.status;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Mapper
interface ThroughputMapper {

    /** Adds an instance's counts to a minute. */
    @Insert("""
            INSERT INTO wx_throughput_minute (minute_start, instance, received, applied)
            VALUES (#{minute}, #{instance}, #{received}, #{applied})
            ON DUPLICATE KEY UPDATE received = received + VALUES(received), applied = applied + VALUES(applied)""")
    void add(@Param("minute") Instant minute, @Param("instance") String instance, @Param("received") long received,
             @Param("applied") long applied);

    /** Every instance's counts summed, per minute from {@code from} on. */
    @Select("""
            SELECT minute_start AS minute, SUM(received) AS received, SUM(applied) AS applied
            FROM wx_throughput_minute WHERE minute_start >= #{from} GROUP BY minute_start ORDER BY minute_start""")
    List<Map<String, Object>> since(@Param("from") Instant from);

    @Delete("DELETE FROM wx_throughput_minute WHERE minute_start < #{before} LIMIT 10000")
    int purge(@Param("before") Instant before);
}

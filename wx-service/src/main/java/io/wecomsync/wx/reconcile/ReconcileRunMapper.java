package io.wecomsync.wx.reconcile;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface ReconcileRunMapper extends BaseMapper<ReconcileRunEntity> {

    /** Gives up a RUNNING run of the corp whose heartbeat is older than {@code before}; answers how many (0 or 1). */
    @Update("""
            UPDATE wx_reconcile_run
            SET status = 'ABANDONED', running_corp = NULL, finished_at = #{now},
                message = 'no heartbeat since the instance stopped; given up'
            WHERE running_corp = #{corpId} AND heartbeat_at < #{before}
            """)
    int abandonStale(@Param("corpId") String corpId, @Param("before") Instant before, @Param("now") Instant now);

    /** Older runs of the corp still waiting for confirmation are replaced by run {@code newerId}'s findings. */
    @Update("""
            UPDATE wx_reconcile_run
            SET status = 'REJECTED', deletions_pending = 0, message = CONCAT('replaced by run ', #{newerId})
            WHERE corp_id = #{corpId} AND status = 'AWAITING_CONFIRMATION' AND id < #{newerId}
            """)
    int supersede(@Param("corpId") String corpId, @Param("newerId") long newerId);

    @Insert("""
            <script>
            INSERT INTO wx_reconcile_deletion (run_id, kind, entity_id) VALUES
            <foreach collection="ids" item="id" separator=",">(#{runId}, #{kind}, #{id})</foreach>
            </script>
            """)
    int insertDeletions(@Param("runId") long runId, @Param("kind") String kind, @Param("ids") List<String> ids);

    @Select("SELECT entity_id FROM wx_reconcile_deletion WHERE run_id = #{runId} AND kind = #{kind} ORDER BY entity_id")
    List<String> findDeletions(@Param("runId") long runId, @Param("kind") String kind);

    /** The newest run of the corp that was not a dry run. */
    @Select("SELECT MAX(id) FROM wx_reconcile_run WHERE corp_id = #{corpId} AND dry_run = FALSE")
    Long newestRealRun(@Param("corpId") String corpId);

    /** Whether a run of the corp ever stored what it found (so the corp was loaded at least once). */
    @Select("""
            SELECT COUNT(*) > 0 FROM wx_reconcile_run
            WHERE corp_id = #{corpId} AND dry_run = FALSE AND status IN ('SUCCEEDED', 'PARTIAL', 'AWAITING_CONFIRMATION', 'CONFIRMED', 'REJECTED')
            """)
    boolean everLoaded(@Param("corpId") String corpId);
}

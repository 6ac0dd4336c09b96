package io.wecomsync.wx.reconcile;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Instant;

/** A row of {@code wx_reconcile_run}. {@code runningCorp} is written even when null: clearing it releases the corp. */
@TableName("wx_reconcile_run")
public class ReconcileRunEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String corpId;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String runningCorp;
    private String triggerType;
    private Boolean dryRun;
    private String status;
    private String phase;
    private String requestedBy;
    private String instance;
    private Instant startedAt;
    private Instant heartbeatAt;
    private Instant finishedAt;
    private Integer usersRead;
    private Integer departmentsRead;
    private Integer tagsRead;
    private Integer created;
    private Integer updated;
    private Integer deleted;
    private Integer unchanged;
    private Integer failed;
    private Integer unreadable;
    private Integer deletionsPending;
    private String wecomErrors;
    private String samples;
    private String message;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCorpId() { return corpId; }
    public void setCorpId(String corpId) { this.corpId = corpId; }
    public String getRunningCorp() { return runningCorp; }
    public void setRunningCorp(String runningCorp) { this.runningCorp = runningCorp; }
    public String getTriggerType() { return triggerType; }
    public void setTriggerType(String triggerType) { this.triggerType = triggerType; }
    public Boolean getDryRun() { return dryRun; }
    public void setDryRun(Boolean dryRun) { this.dryRun = dryRun; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public String getRequestedBy() { return requestedBy; }
    public void setRequestedBy(String requestedBy) { this.requestedBy = requestedBy; }
    public String getInstance() { return instance; }
    public void setInstance(String instance) { this.instance = instance; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public void setHeartbeatAt(Instant heartbeatAt) { this.heartbeatAt = heartbeatAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public Integer getUsersRead() { return usersRead; }
    public void setUsersRead(Integer usersRead) { this.usersRead = usersRead; }
    public Integer getDepartmentsRead() { return departmentsRead; }
    public void setDepartmentsRead(Integer departmentsRead) { this.departmentsRead = departmentsRead; }
    public Integer getTagsRead() { return tagsRead; }
    public void setTagsRead(Integer tagsRead) { this.tagsRead = tagsRead; }
    public Integer getCreated() { return created; }
    public void setCreated(Integer created) { this.created = created; }
    public Integer getUpdated() { return updated; }
    public void setUpdated(Integer updated) { this.updated = updated; }
    public Integer getDeleted() { return deleted; }
    public void setDeleted(Integer deleted) { this.deleted = deleted; }
    public Integer getUnchanged() { return unchanged; }
    public void setUnchanged(Integer unchanged) { this.unchanged = unchanged; }
    public Integer getFailed() { return failed; }
    public void setFailed(Integer failed) { this.failed = failed; }
    public Integer getUnreadable() { return unreadable; }
    public void setUnreadable(Integer unreadable) { this.unreadable = unreadable; }
    public Integer getDeletionsPending() { return deletionsPending; }
    public void setDeletionsPending(Integer deletionsPending) { this.deletionsPending = deletionsPending; }
    public String getWecomErrors() { return wecomErrors; }
    public void setWecomErrors(String wecomErrors) { this.wecomErrors = wecomErrors; }
    public String getSamples() { return samples; }
    public void setSamples(String samples) { this.samples = samples; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}

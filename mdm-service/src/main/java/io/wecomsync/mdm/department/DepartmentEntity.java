package io.wecomsync.mdm.department;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

import java.time.Instant;

/** A row of {@code mdm_department}, keyed by WeCom's department id within a corp. */
@TableName("mdm_department")
public class DepartmentEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String corpId;
    private Long deptId;
    private String name;
    private Long parentId;
    private Long sortOrder;
    private Instant lastEventTime;
    private String lastEventId;
    private Boolean deleted;
    private Instant deletedAt;
    @Version
    private Integer version;
    private Instant createdAt;
    private Instant updatedAt;
    private String fieldTimes;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCorpId() { return corpId; }
    public void setCorpId(String corpId) { this.corpId = corpId; }
    public Long getDeptId() { return deptId; }
    public void setDeptId(Long deptId) { this.deptId = deptId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public Long getSortOrder() { return sortOrder; }
    public void setSortOrder(Long sortOrder) { this.sortOrder = sortOrder; }
    public Instant getLastEventTime() { return lastEventTime; }
    public void setLastEventTime(Instant lastEventTime) { this.lastEventTime = lastEventTime; }
    public String getFieldTimes() { return fieldTimes; }
    public void setFieldTimes(String fieldTimes) { this.fieldTimes = fieldTimes; }
    public String getLastEventId() { return lastEventId; }
    public void setLastEventId(String lastEventId) { this.lastEventId = lastEventId; }
    public Boolean getDeleted() { return deleted; }
    public void setDeleted(Boolean deleted) { this.deleted = deleted; }
    public Instant getDeletedAt() { return deletedAt; }
    public void setDeletedAt(Instant deletedAt) { this.deletedAt = deletedAt; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}

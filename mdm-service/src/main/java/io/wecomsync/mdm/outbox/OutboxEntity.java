package io.wecomsync.mdm.outbox;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Instant;

/** A row of {@code mdm_outbox}: one target's pending (or last) delivery for one user. */
@TableName("mdm_outbox")
public class OutboxEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String target;
    private String userId;
    private String corpId;
    private Long changeSeq;
    private Long deliveredSeq;
    private String lastChange;
    private String previousWxUserId;
    private String status;
    private Integer attempts;
    private Integer waits;
    private Instant nextAttemptAt;
    private String leaseOwner;
    private Instant leaseUntil;
    private String lastError;
    private Integer lastHttpStatus;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deliveredAt;
    private String traceId;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getCorpId() { return corpId; }
    public void setCorpId(String corpId) { this.corpId = corpId; }
    public Long getChangeSeq() { return changeSeq; }
    public void setChangeSeq(Long changeSeq) { this.changeSeq = changeSeq; }
    public Long getDeliveredSeq() { return deliveredSeq; }
    public void setDeliveredSeq(Long deliveredSeq) { this.deliveredSeq = deliveredSeq; }
    public String getTraceId() { return traceId; }
    public void setTraceId(String traceId) { this.traceId = traceId; }
    public String getLastChange() { return lastChange; }
    public void setLastChange(String lastChange) { this.lastChange = lastChange; }
    public String getPreviousWxUserId() { return previousWxUserId; }
    public void setPreviousWxUserId(String previousWxUserId) { this.previousWxUserId = previousWxUserId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public Integer getWaits() { return waits; }
    public void setWaits(Integer waits) { this.waits = waits; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Instant leaseUntil) { this.leaseUntil = leaseUntil; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Integer getLastHttpStatus() { return lastHttpStatus; }
    public void setLastHttpStatus(Integer lastHttpStatus) { this.lastHttpStatus = lastHttpStatus; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public void setDeliveredAt(Instant deliveredAt) { this.deliveredAt = deliveredAt; }
}

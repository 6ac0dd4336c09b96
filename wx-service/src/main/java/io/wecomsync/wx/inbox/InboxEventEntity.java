package io.wecomsync.wx.inbox;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Instant;

/** A row of {@code wx_inbox_event}. {@code payload} is ciphertext; see {@link PayloadCipher}. */
@TableName("wx_inbox_event")
public class InboxEventEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String corpId;
    private Integer agentId;
    private String source;
    private String dedupeKey;
    private String eventType;
    private String changeType;
    private String entityKey;
    private String altEntityKey;
    private String traceParent;
    private Instant eventTime;
    private String payload;
    private String status;
    private Integer attempts;
    private Instant nextAttemptAt;
    private String leaseOwner;
    private Instant leaseUntil;
    private String lastError;
    private Instant receivedAt;
    private Instant updatedAt;
    private Instant doneAt;
    private Long leaseVersion;
    private Integer waits;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCorpId() { return corpId; }
    public void setCorpId(String corpId) { this.corpId = corpId; }
    public Integer getAgentId() { return agentId; }
    public void setAgentId(Integer agentId) { this.agentId = agentId; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getDedupeKey() { return dedupeKey; }
    public void setDedupeKey(String dedupeKey) { this.dedupeKey = dedupeKey; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public String getChangeType() { return changeType; }
    public void setChangeType(String changeType) { this.changeType = changeType; }
    public String getEntityKey() { return entityKey; }
    public void setEntityKey(String entityKey) { this.entityKey = entityKey; }
    public String getAltEntityKey() { return altEntityKey; }
    public void setAltEntityKey(String altEntityKey) { this.altEntityKey = altEntityKey; }
    public String getTraceParent() { return traceParent; }
    public void setTraceParent(String traceParent) { this.traceParent = traceParent; }
    public Instant getEventTime() { return eventTime; }
    public void setEventTime(Instant eventTime) { this.eventTime = eventTime; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Instant leaseUntil) { this.leaseUntil = leaseUntil; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getReceivedAt() { return receivedAt; }
    public void setReceivedAt(Instant receivedAt) { this.receivedAt = receivedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getDoneAt() { return doneAt; }
    public void setDoneAt(Instant doneAt) { this.doneAt = doneAt; }
    public Long getLeaseVersion() { return leaseVersion; }
    public void setLeaseVersion(Long leaseVersion) { this.leaseVersion = leaseVersion; }
    public Integer getWaits() { return waits; }
    public void setWaits(Integer waits) { this.waits = waits; }
}

package io.wecomsync.mdm.user;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

import java.time.Instant;

/** A row of {@code mdm_user}. Mobile, email, biz mail, telephone and address are held only as ciphertext (see {@code pii}). */
@TableName("mdm_user")
public class UserEntity {

    @TableId(type = IdType.INPUT)
    private String userId;
    private String corpId;
    private String wxUserId;
    private String name;
    private String alias;
    private String position;
    private Integer gender;
    private String status;
    private String mobileCipher;
    private String mobileHash;
    private String emailCipher;
    private String emailHash;
    private String bizMailCipher;
    private String telephoneCipher;
    private String addressCipher;
    private String avatar;
    private String directLeader;
    private Long mainDepartment;
    private String extAttrs;
    private String employeeNo;
    private String mappedFields;
    private Instant lastEventTime;
    private String lastEventId;
    private String fieldTimes;
    private Boolean deleted;
    private Instant deletedAt;
    @Version
    private Integer version;
    private Instant createdAt;
    private Instant updatedAt;

    /** A new, live user with a fresh userId, reflecting the event {@code eventId} of {@code eventTime}. */
    static UserEntity fresh(String corpId, String wxUserId, Instant eventTime, String eventId, Instant now) {
        UserEntity row = new UserEntity();
        row.setUserId(IdWorker.getIdStr());
        row.setCorpId(corpId);
        row.setWxUserId(wxUserId);
        row.setDeleted(false);
        row.setVersion(0);
        row.setLastEventTime(eventTime);
        row.setLastEventId(eventId);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        return row;
    }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getCorpId() { return corpId; }
    public void setCorpId(String corpId) { this.corpId = corpId; }
    public String getWxUserId() { return wxUserId; }
    public void setWxUserId(String wxUserId) { this.wxUserId = wxUserId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAlias() { return alias; }
    public void setAlias(String alias) { this.alias = alias; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public Integer getGender() { return gender; }
    public void setGender(Integer gender) { this.gender = gender; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getMobileCipher() { return mobileCipher; }
    public void setMobileCipher(String mobileCipher) { this.mobileCipher = mobileCipher; }
    public String getMobileHash() { return mobileHash; }
    public void setMobileHash(String mobileHash) { this.mobileHash = mobileHash; }
    public String getEmailCipher() { return emailCipher; }
    public void setEmailCipher(String emailCipher) { this.emailCipher = emailCipher; }
    public String getEmailHash() { return emailHash; }
    public void setEmailHash(String emailHash) { this.emailHash = emailHash; }
    public String getBizMailCipher() { return bizMailCipher; }
    public void setBizMailCipher(String bizMailCipher) { this.bizMailCipher = bizMailCipher; }
    public String getTelephoneCipher() { return telephoneCipher; }
    public void setTelephoneCipher(String telephoneCipher) { this.telephoneCipher = telephoneCipher; }
    public String getAddressCipher() { return addressCipher; }
    public void setAddressCipher(String addressCipher) { this.addressCipher = addressCipher; }
    public String getAvatar() { return avatar; }
    public void setAvatar(String avatar) { this.avatar = avatar; }
    public String getDirectLeader() { return directLeader; }
    public void setDirectLeader(String directLeader) { this.directLeader = directLeader; }
    public Long getMainDepartment() { return mainDepartment; }
    public void setMainDepartment(Long mainDepartment) { this.mainDepartment = mainDepartment; }
    public String getExtAttrs() { return extAttrs; }
    public void setExtAttrs(String extAttrs) { this.extAttrs = extAttrs; }
    public String getEmployeeNo() { return employeeNo; }
    public void setEmployeeNo(String employeeNo) { this.employeeNo = employeeNo; }
    public String getMappedFields() { return mappedFields; }
    public void setMappedFields(String mappedFields) { this.mappedFields = mappedFields; }
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

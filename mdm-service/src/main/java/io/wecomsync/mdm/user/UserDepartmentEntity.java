package io.wecomsync.mdm.user;

/** A row of {@code mdm_user_department}: the user's order in the department and whether they lead it. */
public class UserDepartmentEntity {

    private String userId;
    private Long deptId;
    private String corpId;
    private Long sortOrder;
    private Boolean isLeader;

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public Long getDeptId() { return deptId; }
    public void setDeptId(Long deptId) { this.deptId = deptId; }
    public String getCorpId() { return corpId; }
    public void setCorpId(String corpId) { this.corpId = corpId; }
    public Long getSortOrder() { return sortOrder; }
    public void setSortOrder(Long sortOrder) { this.sortOrder = sortOrder; }
    public Boolean getIsLeader() { return isLeader; }
    public void setIsLeader(Boolean isLeader) { this.isLeader = isLeader; }
}

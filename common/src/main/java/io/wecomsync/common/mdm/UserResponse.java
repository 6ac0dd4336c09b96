package io.wecomsync.common.mdm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user as mdm-service holds it. Mobile and email are plaintext: this is for authorized API
 * callers only — never log it whole.
 */
public record UserResponse(
        String userId,
        String corpId,
        String wxUserId,
        String name,
        String alias,
        String position,
        Integer gender,
        String status,
        String mobile,
        String email,
        String bizMail,
        String telephone,
        String address,
        String avatar,
        List<String> directLeader,
        Long mainDepartment,
        List<DepartmentMembership> departments,
        String employeeNumber,
        List<CustomAttribute> extAttrs,
        Map<String, String> mappedFields,
        boolean deleted,
        Instant lastEventTime,
        Instant createdAt,
        Instant updatedAt) {
}

package io.wecomsync.mdm.user;

import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.mdm.pii.PiiCipher;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** Turns a user row and its memberships into the API's {@link UserResponse}, decrypting personal data. */
@Component
class UserViews {

    private final PiiCipher pii;
    private final UserDepartmentMapper memberships;

    UserViews(PiiCipher pii, UserDepartmentMapper memberships) {
        this.pii = pii;
        this.memberships = memberships;
    }

    UserResponse view(UserEntity row) {
        return view(row, Memberships.fromRows(memberships.findByUserId(row.getUserId())));
    }

    UserResponse view(UserEntity row, List<DepartmentMembership> departments) {
        List<String> leaders = leaders(row.getDirectLeader());
        return new UserResponse(row.getUserId(), row.getCorpId(), row.getWxUserId(), row.getName(), row.getAlias(),
                row.getPosition(), row.getGender(), row.getStatus(),
                pii.decrypt("mobile", row.getMobileCipher()),
                pii.decrypt("email", row.getEmailCipher()),
                pii.decrypt("bizMail", row.getBizMailCipher()),
                pii.decrypt("telephone", row.getTelephoneCipher()),
                pii.decrypt("address", row.getAddressCipher()), row.getAvatar(), leaders, row.getMainDepartment(),
                departments, row.getEmployeeNo(), List.copyOf(CustomAttributeColumns.attributes(row.getExtAttrs()).values()),
                CustomAttributeColumns.fields(row.getMappedFields()), Boolean.TRUE.equals(row.getDeleted()), row.getLastEventTime(), row.getCreatedAt(),
                row.getUpdatedAt());
    }

    /** The stored comma-separated direct leaders as a list. */
    static List<String> leaders(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }
}

package io.wecomsync.mdm.user;

import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.api.ApiException;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A user's department memberships: checked, compared and described in one canonical order. */
final class Memberships {

    private Memberships() {
    }

    /** Sorted by department id, {@code leader} defaulting to false; a department listed twice is refused. */
    static List<DepartmentMembership> normalize(List<DepartmentMembership> requested, Long mainDepartment) {
        if (requested == null) {
            return null;
        }
        Set<Long> seen = new HashSet<>();
        for (DepartmentMembership membership : requested) {
            if (!seen.add(membership.deptId())) {
                throw ApiException.invalid("departments lists department " + membership.deptId() + " twice");
            }
        }
        if (mainDepartment != null && !seen.contains(mainDepartment)) {
            throw ApiException.invalid("mainDepartment " + mainDepartment + " is not among departments " + seen);
        }
        return requested.stream()
                .map(m -> new DepartmentMembership(m.deptId(), m.order(), Boolean.TRUE.equals(m.leader())))
                .sorted(Comparator.comparing(DepartmentMembership::deptId))
                .toList();
    }

    static List<DepartmentMembership> fromRows(List<UserDepartmentEntity> rows) {
        return rows.stream()
                .map(row -> new DepartmentMembership(row.getDeptId(), row.getSortOrder(), Boolean.TRUE.equals(row.getIsLeader())))
                .sorted(Comparator.comparing(DepartmentMembership::deptId))
                .toList();
    }

    static List<UserDepartmentEntity> toRows(UserEntity user, List<DepartmentMembership> memberships) {
        return memberships.stream().map(m -> {
            UserDepartmentEntity row = new UserDepartmentEntity();
            row.setUserId(user.getUserId());
            row.setCorpId(user.getCorpId());
            row.setDeptId(m.deptId());
            row.setSortOrder(m.order());
            row.setIsLeader(Boolean.TRUE.equals(m.leader()));
            return row;
        }).toList();
    }

    /** {@code 1(order=3,leader),2} — how the operation log shows a membership. */
    static String describe(List<DepartmentMembership> memberships) {
        if (memberships == null || memberships.isEmpty()) {
            return null;
        }
        return memberships.stream().map(m -> {
            String details = (m.order() != null ? "order=" + m.order() : "")
                    + (Boolean.TRUE.equals(m.leader()) ? (m.order() != null ? "," : "") + "leader" : "");
            return details.isEmpty() ? String.valueOf(m.deptId()) : m.deptId() + "(" + details + ")";
        }).collect(Collectors.joining(","));
    }
}

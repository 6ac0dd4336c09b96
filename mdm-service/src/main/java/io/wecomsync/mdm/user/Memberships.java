package io.wecomsync.mdm.user;

import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.api.ApiException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A user's department memberships: checked, compared and described in one canonical order. */
final class Memberships {

    private Memberships() {
    }

    /**
     * Sorted by department id; a department listed twice is refused. {@code order} and {@code leader}
     * stay null where the request does not say them (a callback's {@code Department} list carries no
     * order, and {@code IsLeaderInDept} may be missing): {@link #merge} keeps what is stored for those.
     */
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
                .map(m -> new DepartmentMembership(m.deptId(), m.order(), m.leader()))
                .sorted(Comparator.comparing(DepartmentMembership::deptId))
                .toList();
    }

    /**
     * The requested departments, each with what the request left unsaid taken from the stored
     * membership of the same department (a new one: no order, not leader). Departments not requested
     * are left: the request's list is the whole list.
     */
    static List<DepartmentMembership> merge(List<DepartmentMembership> requested, List<DepartmentMembership> current) {
        Map<Long, DepartmentMembership> stored = new HashMap<>();
        current.forEach(m -> stored.put(m.deptId(), m));
        return requested.stream().map(m -> {
            DepartmentMembership before = stored.get(m.deptId());
            Long order = m.order() != null ? m.order() : before != null ? before.order() : null;
            Boolean leader = m.leader() != null ? m.leader() : before != null && Boolean.TRUE.equals(before.leader());
            return new DepartmentMembership(m.deptId(), order, leader);
        }).toList();
    }

    /** Unsaid leader flags as false: how a new user's memberships are stored. */
    static List<DepartmentMembership> withDefaults(List<DepartmentMembership> requested) {
        return merge(requested, List.of());
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

package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.directory.DirectoryProperties;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A corp's directory as WeCom answered during one run. A {@code …Listed} flag is false when the list
 * itself could not be read in full; then the absence of an entry proves nothing.
 */
record WeComSnapshot(boolean departmentsListed, Map<Long, Department> departments,
                     boolean usersListed, Map<String, User> users,
                     boolean tagsListed, List<Tag> tags) {

    /**
     * What of this directory the corp syncs: the departments in {@code scope} and the users who are members
     * of one. Without the full department list a user's ancestry is not known for sure, so then the users
     * left out prove nothing either (no deletions).
     */
    WeComSnapshot within(DirectoryProperties.Scope scope) {
        if (scope.isWholeCorp()) {
            return this;
        }
        Function<Long, Long> parentOf = id -> {
            Department department = departments.get(id);
            return department == null ? null : department.parentId();
        };
        Map<Long, Department> keptDepartments = new LinkedHashMap<>();
        departments.forEach((id, department) -> {
            if (scope.contains(id, parentOf)) {
                keptDepartments.put(id, department);
            }
        });
        Map<String, User> keptUsers = new LinkedHashMap<>();
        users.forEach((id, user) -> {
            if (scope.containsAny(user.departments(), parentOf)) {
                keptUsers.put(id, user);
            }
        });
        return new WeComSnapshot(departmentsListed, keptDepartments, usersListed && departmentsListed, keptUsers,
                tagsListed, tags);
    }

    /** From {@code department/simplelist}, with the name from {@code department/get} when it could be read. */
    record Department(long id, Long parentId, Long order, WeComRead<String> name) {
    }

    /** From {@code user/list_id} (id and departments), with {@code user/get}'s answer when it could be read. */
    record User(String userId, List<Long> departments, WeComRead<WxCpUser> details) {
    }

    /** From {@code tag/list}, with {@code tag/get}'s members when they could be read. */
    record Tag(long id, String name, WeComRead<WxCpTagGetResult> members) {
    }
}

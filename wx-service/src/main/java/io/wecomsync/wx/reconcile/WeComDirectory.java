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
 * A corp's directory as WeCom answers it during one run. Departments and tags are read whole (a few
 * thousand at most); users are handed on as they are read and not kept (a corp may have 100,000 of
 * them, each with its details). A {@code listed} flag is false when a list could not be read in full;
 * then the absence of an entry proves nothing.
 */
final class WeComDirectory {

    private WeComDirectory() {
    }

    /** Every department, from {@code department/simplelist}, by id. */
    record Departments(boolean listed, Map<Long, Department> byId) {

        /** What of them the corp syncs: the departments in {@code scope}. */
        Departments within(DirectoryProperties.Scope scope) {
            if (scope.isWholeCorp()) {
                return this;
            }
            Map<Long, Department> kept = new LinkedHashMap<>();
            byId.forEach((id, department) -> {
                if (scope.contains(id, parentOf())) {
                    kept.put(id, department);
                }
            });
            return new Departments(listed, kept);
        }

        /** Whether a user who is a member of {@code departments} is in {@code scope}. */
        boolean inScope(DirectoryProperties.Scope scope, List<Long> departments) {
            return scope.isWholeCorp() || scope.containsAny(departments, parentOf());
        }

        /**
         * Whether WeCom's user list, read in full or not ({@code usersListed}), proves that a user it lacks
         * is gone from what the corp syncs: without the full department list a user's ancestry is not
         * known for sure, so then the users left out of a scope prove nothing.
         */
        boolean usersProveAbsence(DirectoryProperties.Scope scope, boolean usersListed) {
            return usersListed && (scope.isWholeCorp() || listed);
        }

        private Function<Long, Long> parentOf() {
            return id -> {
                Department department = byId.get(id);
                return department == null ? null : department.parentId();
            };
        }
    }

    /** Every tag, from {@code tag/list}. */
    record Tags(boolean listed, List<Tag> all) {
    }

    /** From {@code department/simplelist}, with the name from {@code department/get} when it could be read. */
    record Department(long id, Long parentId, Long order, WeComRead<String> name) {
    }

    /** From {@code user/list} or {@code user/list_id} (id and departments), with the details when they could be read. */
    record User(String userId, List<Long> departments, WeComRead<WxCpUser> details) {
    }

    /** From {@code tag/list}, with {@code tag/get}'s members when they could be read. */
    record Tag(long id, String name, WeComRead<WxCpTagGetResult> members) {
    }
}

package io.wecomsync.wx.reconcile;

import io.wecomsync.common.mdm.DepartmentDigest;
import io.wecomsync.common.mdm.DigestPage;
import io.wecomsync.common.mdm.TagMembersResponse;
import io.wecomsync.common.mdm.TagSummary;
import io.wecomsync.common.mdm.UserDigest;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What mdm-service holds of a corp, read through its compact listings (fingerprints, not records). */
@Component
class MdmDirectory {

    private static final int PAGE = 5000;

    private final MdmCalls mdm;

    MdmDirectory(MdmCalls mdm) {
        this.mdm = mdm;
    }

    /** Every user of the corp, deleted ones too, by WeCom userid. */
    Map<String, UserDigest> users(String corpId) {
        Map<String, UserDigest> users = new HashMap<>();
        String after = null;
        do {
            String from = after;
            DigestPage<UserDigest> page = mdm.call("list user digests", api -> api.userDigest(corpId, from, PAGE));
            page.items().forEach(user -> users.put(user.wxUserId(), user));
            after = page.next();
        } while (after != null);
        return users;
    }

    /** Every department of the corp, deleted ones too, by id. */
    Map<Long, DepartmentDigest> departments(String corpId) {
        Map<Long, DepartmentDigest> departments = new HashMap<>();
        Long after = null;
        do {
            Long from = after;
            DigestPage<DepartmentDigest> page = mdm.call("list department digests", api -> api.departmentDigest(corpId, from, PAGE));
            page.items().forEach(department -> departments.put(department.deptId(), department));
            after = page.next() == null ? null : Long.valueOf(page.next());
        } while (after != null);
        return departments;
    }

    /** Every tag mdm-service holds for the corp. */
    List<TagSummary> tags(String corpId) {
        return mdm.call("list tags", api -> api.listTags(corpId));
    }

    /** A tag's members, or empty when mdm-service does not know the tag. */
    Optional<TagMembersResponse> tag(String corpId, long tagId) {
        try {
            return Optional.of(mdm.call("read tag members", api -> api.getTagMembers(corpId, tagId)));
        } catch (MdmRejectedException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether mdm-service holds no user and no department of the corp, deleted or not. */
    boolean isEmpty(String corpId) {
        return mdm.call("list user digests", api -> api.userDigest(corpId, null, 1)).items().isEmpty()
                && mdm.call("list department digests", api -> api.departmentDigest(corpId, null, 1)).items().isEmpty();
    }
}

package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;

import java.util.List;
import java.util.Map;

/**
 * A corp's directory as WeCom answered during one run. A {@code …Listed} flag is false when the list
 * itself could not be read in full; then the absence of an entry proves nothing.
 */
record WeComSnapshot(boolean departmentsListed, Map<Long, Department> departments,
                     boolean usersListed, Map<String, User> users,
                     boolean tagsListed, List<Tag> tags) {

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

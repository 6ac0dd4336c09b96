package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.DepartmentResponse;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.directory.DirectoryProperties;
import io.wecomsync.wx.directory.DirectorySettings;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The corp's sync scope ({@code wx.directory.corps.<corp>.scope}) as callbacks meet it. Whether a department
 * is in scope depends on its ancestors: parents are taken from department events as they pass, else from
 * mdm-service, else from WeCom's {@code department/get}, and remembered for {@link #PARENT_TTL} (a move that
 * another instance applied is seen after that at the latest; reconciliations decide from a full read).
 */
@Component
class SyncScope {

    static final Duration PARENT_TTL = Duration.ofMinutes(10);

    private final DirectorySettings settings;
    private final MdmCalls mdm;
    private final DirectoryReader wecom;
    private final Clock clock;
    private final Map<String, Parent> parents = new ConcurrentHashMap<>();

    SyncScope(DirectorySettings settings, MdmCalls mdm, DirectoryReader wecom, Clock clock) {
        this.settings = settings;
        this.mdm = mdm;
        this.wecom = wecom;
        this.clock = clock;
    }

    private record Parent(Long id, Instant until) {
    }

    /** Whether the corp syncs only part of its directory. */
    boolean limits(String corpId) {
        return !settings.corp(corpId).scope().isWholeCorp();
    }

    /** Whether a member of {@code departments} is in the corp's scope. */
    boolean includesMemberOf(String corpId, Collection<Long> departments) {
        DirectoryProperties.Scope scope = settings.corp(corpId).scope();
        return scope.isWholeCorp() || scope.containsAny(departments, id -> parentOf(corpId, id));
    }

    /** Whether {@code department}, under {@code parentId} (null: look it up), is in the corp's scope. */
    boolean includesDepartment(String corpId, long department, Long parentId) {
        if (parentId != null) {
            remember(corpId, department, parentId);
        }
        DirectoryProperties.Scope scope = settings.corp(corpId).scope();
        return scope.isWholeCorp() || scope.contains(department, id -> parentOf(corpId, id));
    }

    /** The user as mdm-service holds it, if it holds it and has not deleted it. */
    Optional<UserResponse> activeUser(String corpId, String wxUserId) {
        List<UserResponse> found = mdm.call("find user", api -> api.findUsers(corpId, wxUserId, null, null, null, false));
        return found == null ? Optional.empty() : found.stream().filter(user -> !user.deleted()).findFirst();
    }

    void remember(String corpId, long department, Long parentId) {
        parents.put(corpId + "/" + department, new Parent(parentId, clock.instant().plus(PARENT_TTL)));
    }

    private Long parentOf(String corpId, long department) {
        Parent known = parents.get(corpId + "/" + department);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known.id();
        }
        Long parent = readParent(corpId, department);
        remember(corpId, department, parent);
        return parent;
    }

    private Long readParent(String corpId, long department) {
        try {
            DepartmentResponse held = mdm.call("read department", api -> api.getDepartment(corpId, department));
            if (held != null && !held.deleted() && held.parentId() != null) {
                return held.parentId();
            }
        } catch (MdmRejectedException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        WeComRead<WxCpDepart> read = wecom.department(corpId, department);
        if (read.failed()) {
            throw new WeComBusyException(read.error());
        }
        return read.value() == null ? null : read.value().getParentId();
    }
}

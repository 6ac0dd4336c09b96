package io.wecomsync.wx.reconcile;

import io.wecomsync.common.mdm.DepartmentDigest;
import io.wecomsync.common.mdm.TagMembersResponse;
import io.wecomsync.common.mdm.TagSummary;
import io.wecomsync.common.mdm.UserDigest;
import io.wecomsync.common.mdm.WxUserIds;
import io.wecomsync.wx.change.ChangeType;
import io.wecomsync.wx.contact.DirectoryMessages;
import io.wecomsync.wx.directory.DirectoryProperties;
import io.wecomsync.wx.inbox.InboundEvent;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares what WeCom answered with what mdm-service holds and plans the differences.
 * <ul>
 *   <li>In WeCom, missing (or deleted) in mdm-service → create; the same entry with another
 *       fingerprint → update; the same fingerprint → unchanged, nothing written.</li>
 *   <li>Details WeCom refused: a missing entry is still created from what the list told (ids,
 *       departments) — nothing invented; an existing one cannot be compared and is left alone.</li>
 *   <li>In mdm-service (not deleted) but not listed by WeCom → a deletion, only when WeCom's list was
 *       read in full.</li>
 *   <li>Tags: members or name that differ → an {@code update_tag} event (its handler re-reads the tag and
 *       replaces the member lists); a tag mdm-service holds that WeCom's full list lacks → a deletion.</li>
 * </ul>
 * Users are compared one by one as they are read and each difference is handed on at once, so a run
 * holds mdm-service's compact listings (less each user WeCom lists), never the whole directory.
 */
final class ReconcilePlanner {

    private final ReconcileEvents events;
    private final DirectoryProperties.Corp mapping;
    private final int sampleSize;
    private final Consumer<InboundEvent> upserts;
    private final Map<Long, DepartmentDigest> mdmDepartments;
    /**
     * mdm-service's users by {@link WxUserIds#key} (userids compare without case, as in WeCom and in
     * mdm-service's column) that WeCom has not listed so far: each is taken out as WeCom lists it.
     */
    private final Map<String, UserDigest> mdmUsers = new HashMap<>();
    private final int activeUsers;
    private final List<ReconcilePlan.Deletion> deletions = new ArrayList<>();
    private final Map<String, List<String>> samples = new LinkedHashMap<>();
    private int activeTags;
    private int created;
    private int updated;
    private int unchanged;

    /**
     * @param mdmDepartments every department mdm-service holds of the corp, deleted ones too
     * @param mdmUsers       every user mdm-service holds of the corp, deleted ones too, by userid
     * @param upserts        where each create and update event goes as soon as it is planned
     */
    ReconcilePlanner(ReconcileEvents events, DirectoryProperties.Corp mapping, int sampleSize,
                     Map<Long, DepartmentDigest> mdmDepartments, Map<String, UserDigest> mdmUsers, Consumer<InboundEvent> upserts) {
        this.events = events;
        this.mapping = mapping;
        this.sampleSize = sampleSize;
        this.upserts = upserts;
        this.mdmDepartments = mdmDepartments;
        mdmUsers.values().forEach(held -> this.mdmUsers.merge(WxUserIds.key(held.wxUserId()), held, (a, b) -> a.deleted() ? b : a));
        this.activeUsers = (int) mdmUsers.values().stream().filter(u -> !u.deleted()).count();
    }

    /** WeCom's departments in scope, compared first, so a new user's departments are usually there before the user. */
    void departments(WeComDirectory.Departments wecom) {
        for (WeComDirectory.Department department : wecom.byId().values()) {
            DepartmentDigest held = mdmDepartments.get(department.id());
            boolean missing = held == null || held.deleted();
            Map<String, String> fields = DirectoryMessages.department(department.id(), department.name().value(),
                    department.parentId(), department.order());
            if (missing) {
                created("departments", String.valueOf(department.id()), events.department(ChangeType.CREATE_PARTY, department.id(), fields));
            } else if (department.name().found() && !DirectoryMessages.departmentFingerprint(fields).equals(held.fingerprint())) {
                updated("departments", String.valueOf(department.id()), events.department(ChangeType.UPDATE_PARTY, department.id(), fields));
            } else {
                unchanged++;
            }
        }
        if (wecom.listed()) {
            mdmDepartments.values().stream()
                    .filter(held -> !held.deleted() && !wecom.byId().containsKey(held.deptId()))
                    .forEach(held -> deleted(ReconcilePlan.Kind.DEPARTMENT, String.valueOf(held.deptId())));
        }
    }

    /** One user WeCom lists in scope, as it is read. */
    void user(WeComDirectory.User user) {
        UserDigest held = mdmUsers.remove(WxUserIds.key(user.userId()));
        boolean missing = held == null || held.deleted();
        WxCpUser details = user.details().value();
        DirectoryMessages.UserEntry fields = details != null ? DirectoryMessages.user(details)
                : DirectoryMessages.listedUser(user.userId(), user.departments());
        if (missing) {
            created("users", user.userId(), events.user(ChangeType.CREATE_USER, user.userId(), fields));
        } else if (!held.wxUserId().equals(user.userId())) {
            // only the case differs: WeCom renamed the user ("Zhang" → "zhang") and the callback was missed
            updated("users", user.userId(), events.user(ChangeType.UPDATE_USER, held.wxUserId(),
                    fields.renamed(held.wxUserId(), user.userId())));
        } else if (details != null && !DirectoryMessages.userFingerprint(fields, mapping).equals(held.fingerprint())) {
            updated("users", user.userId(), events.user(ChangeType.UPDATE_USER, user.userId(), fields));
        } else {
            unchanged++;
        }
    }

    /**
     * After the last user: when WeCom's list proves it ({@code provesAbsence}), every user mdm-service holds
     * that WeCom did not list is a deletion.
     */
    void usersEnded(boolean provesAbsence) {
        if (provesAbsence) {
            mdmUsers.values().stream().filter(held -> !held.deleted())
                    .forEach(held -> deleted(ReconcilePlan.Kind.USER, held.wxUserId()));
        }
    }

    /**
     * @param mdm        the members mdm-service holds for each of WeCom's tags (empty: not held)
     * @param mdmTagList every tag mdm-service holds
     */
    void tags(WeComDirectory.Tags wecom, Map<Long, Optional<TagMembersResponse>> mdm, List<TagSummary> mdmTagList) {
        activeTags = mdmTagList.size();
        for (WeComDirectory.Tag tag : wecom.all()) {
            WxCpTagGetResult members = tag.members().value();
            if (members == null) {
                continue;
            }
            Optional<TagMembersResponse> held = mdm.getOrDefault(tag.id(), Optional.empty());
            if (held.isEmpty()) {
                created("tags", String.valueOf(tag.id()), events.tag(tag.id()));
            } else if (!sameMembers(members, tag.name(), held.get())) {
                updated("tags", String.valueOf(tag.id()), events.tag(tag.id()));
            } else {
                unchanged++;
            }
        }
        if (wecom.listed()) {
            Set<Long> inWeCom = new HashSet<>();
            wecom.all().forEach(tag -> inWeCom.add(tag.id()));
            mdmTagList.stream().filter(tag -> !inWeCom.contains(tag.tagId()))
                    .forEach(tag -> deleted(ReconcilePlan.Kind.TAG, String.valueOf(tag.tagId())));
        }
    }

    /** What was planned: the counts, the deletions and the samples (the create and update events went to the consumer). */
    ReconcilePlan plan() {
        int activeDepartments = (int) mdmDepartments.values().stream().filter(d -> !d.deleted()).count();
        return new ReconcilePlan(List.copyOf(deletions), created, updated, unchanged, activeUsers, activeDepartments,
                activeTags, samples);
    }

    private static boolean sameMembers(WxCpTagGetResult wecom, String name, TagMembersResponse held) {
        Set<String> users = new HashSet<>();
        if (wecom.getUserlist() != null) {
            wecom.getUserlist().forEach(user -> users.add(user.getUserId()));
        }
        Set<Long> departments = new HashSet<>();
        if (wecom.getPartylist() != null) {
            wecom.getPartylist().forEach(id -> departments.add(id.longValue()));
        }
        String wecomName = wecom.getTagname() != null ? wecom.getTagname() : name;
        return users.equals(new HashSet<>(held.users())) && departments.equals(new HashSet<>(held.departments()))
                && (wecomName == null || wecomName.isEmpty() || Objects.equals(wecomName, held.tagName()));
    }

    private void created(String what, String id, InboundEvent event) {
        created++;
        upserts.accept(event);
        sample("create." + what, id);
    }

    private void updated(String what, String id, InboundEvent event) {
        updated++;
        upserts.accept(event);
        sample("update." + what, id);
    }

    private void deleted(ReconcilePlan.Kind kind, String id) {
        deletions.add(new ReconcilePlan.Deletion(kind, id));
        sample("delete." + switch (kind) {
            case USER -> "users";
            case DEPARTMENT -> "departments";
            case TAG -> "tags";
        }, id);
    }

    private void sample(String key, String id) {
        List<String> ids = samples.computeIfAbsent(key, k -> new ArrayList<>());
        if (ids.size() < sampleSize) {
            ids.add(id);
        }
    }
}

package io.wecomsync.mdm.tag;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.TagMembersRequest;
import io.wecomsync.common.mdm.TagMembersResponse;
import io.wecomsync.common.mdm.TagSummary;
import io.wecomsync.common.mdm.WriteOutcome;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.mdm.tx.RetryingTransactions;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tag membership. A change locks the tag row, computes the new member sets, writes only the
 * difference and records it in the operation log — all in one transaction.
 */
@Service
public class TagMembers {

    private final TagMapper tags;
    private final OperationLog operationLog;
    private final RetryingTransactions transactions;
    private final Clock clock;

    TagMembers(TagMapper tags, OperationLog operationLog, RetryingTransactions transactions, Clock clock) {
        this.tags = tags;
        this.operationLog = operationLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TagMembersResponse get(String corpId, long tagId) {
        List<String> name = tags.findName(corpId, tagId);
        if (name.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no tag " + tagId + " in corp " + corpId);
        }
        return new TagMembersResponse(corpId, tagId, name.get(0), tags.findUsers(corpId, tagId),
                tags.findDepartments(corpId, tagId));
    }

    public WriteResponse<TagMembersResponse> update(String corpId, long tagId, TagMembersRequest request,
                                                    RequestSource source) {
        check(request);
        return transactions.execute(() -> {
            Instant now = clock.instant();
            boolean created = tags.insertIfMissing(corpId, tagId, now) == 1;
            String storedName = tags.lockAndReadName(corpId, tagId);
            String currentName = storedName.isEmpty() ? null : storedName;
            Instant time = request.sourceEventTime() == null ? null : request.sourceEventTime().truncatedTo(ChronoUnit.MILLIS);
            Instant membersTime = tags.membersTime(corpId, tagId);
            if (time != null && membersTime != null && membersTime.isAfter(time)) {
                // an older read or delta arriving late: the members already reflect something newer
                operationLog.record(new OperLogEntry(corpId, OperAction.TAG_MEMBERS_UPDATE, String.valueOf(tagId),
                        WriteOutcome.STALE.name(), List.of(), request.sourceEventId(), source,
                        "ignored: the members already reflect " + membersTime));
                return WriteResponse.of(WriteOutcome.STALE, new TagMembersResponse(corpId, tagId, currentName,
                        tags.findUsers(corpId, tagId), tags.findDepartments(corpId, tagId)));
            }
            if (time != null) {
                tags.updateMembersTime(corpId, tagId, time);
            }
            List<FieldChange> changes = new ArrayList<>();

            if (request.tagName() != null && !request.tagName().isEmpty() && !request.tagName().equals(currentName)) {
                tags.updateName(corpId, tagId, request.tagName(), now);
                changes.add(new FieldChange("tagName", currentName, request.tagName()));
            }

            Set<String> users = new TreeSet<>(tags.findUsers(corpId, tagId));
            Set<String> targetUsers = target(users, request.users(), request.addUsers(), request.removeUsers());
            Set<String> addedUsers = minus(targetUsers, users);
            Set<String> removedUsers = minus(users, targetUsers);
            if (!addedUsers.isEmpty()) {
                tags.insertUsers(corpId, tagId, addedUsers, now);
                changes.add(new FieldChange("users.added", null, join(addedUsers)));
            }
            if (!removedUsers.isEmpty()) {
                tags.deleteUsers(corpId, tagId, removedUsers);
                changes.add(new FieldChange("users.removed", join(removedUsers), null));
            }

            Set<Long> departments = new TreeSet<>(tags.findDepartments(corpId, tagId));
            Set<Long> targetDepartments = target(departments, request.departments(), request.addDepartments(),
                    request.removeDepartments());
            Set<Long> addedDepartments = minus(targetDepartments, departments);
            Set<Long> removedDepartments = minus(departments, targetDepartments);
            if (!addedDepartments.isEmpty()) {
                tags.insertDepartments(corpId, tagId, addedDepartments, now);
                changes.add(new FieldChange("departments.added", null, join(addedDepartments)));
            }
            if (!removedDepartments.isEmpty()) {
                tags.deleteDepartments(corpId, tagId, removedDepartments);
                changes.add(new FieldChange("departments.removed", join(removedDepartments), null));
            }

            WriteOutcome outcome = created ? WriteOutcome.CREATED
                    : changes.isEmpty() ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
            operationLog.record(new OperLogEntry(corpId, OperAction.TAG_MEMBERS_UPDATE, String.valueOf(tagId),
                    outcome.name(), changes, request.sourceEventId(), source, null));
            String name = changes.stream().anyMatch(c -> c.field().equals("tagName")) ? request.tagName() : currentName;
            return WriteResponse.of(outcome, new TagMembersResponse(corpId, tagId, name, List.copyOf(targetUsers),
                    List.copyOf(targetDepartments)));
        });
    }

    @Transactional(readOnly = true)
    public List<TagSummary> list(String corpId) {
        return tags.findAll(corpId);
    }

    /**
     * Removes a tag WeCom no longer has, and its members; one whose members changed after {@code time}
     * (re-created, or changed by a newer event) is left alone as STALE.
     */
    public WriteResponse<TagMembersResponse> delete(String corpId, long tagId, Instant time, String eventId,
                                                    RequestSource source) {
        Instant seen = time.truncatedTo(ChronoUnit.MILLIS);
        return transactions.execute(() -> {
            List<String> name = tags.findName(corpId, tagId);
            if (name.isEmpty()) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no tag " + tagId + " in corp " + corpId);
            }
            String storedName = tags.lockAndReadName(corpId, tagId);
            List<String> users = tags.findUsers(corpId, tagId);
            List<Long> departments = tags.findDepartments(corpId, tagId);
            TagMembersResponse held = new TagMembersResponse(corpId, tagId, storedName.isEmpty() ? null : storedName,
                    users, departments);
            Instant membersTime = tags.membersTime(corpId, tagId);
            if (membersTime != null && membersTime.isAfter(seen)) {
                operationLog.record(new OperLogEntry(corpId, OperAction.TAG_DELETE, String.valueOf(tagId),
                        WriteOutcome.STALE.name(), List.of(), eventId, source,
                        "ignored: the members changed at " + membersTime + ", after the tag was seen gone"));
                return WriteResponse.of(WriteOutcome.STALE, held);
            }
            tags.deleteAllUsers(corpId, tagId);
            tags.deleteAllDepartments(corpId, tagId);
            tags.deleteTag(corpId, tagId);
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("tagName", held.tagName(), null));
            if (!users.isEmpty()) {
                changes.add(new FieldChange("users.removed", join(users), null));
            }
            if (!departments.isEmpty()) {
                changes.add(new FieldChange("departments.removed", join(departments), null));
            }
            operationLog.record(new OperLogEntry(corpId, OperAction.TAG_DELETE, String.valueOf(tagId),
                    WriteOutcome.DELETED.name(), changes, eventId, source, null));
            return WriteResponse.of(WriteOutcome.DELETED, held);
        });
    }

    /** Called inside a user rename: the user's tag memberships follow the new userid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followUserRename(String corpId, String oldWxUserId, String newWxUserId) {
        tags.renameUser(corpId, oldWxUserId, newWxUserId);
        // rows left under the old id were tags the new id already had
        tags.deleteUserEverywhere(corpId, oldWxUserId);
    }

    private static void check(TagMembersRequest request) {
        if (request.users() != null && (request.addUsers() != null || request.removeUsers() != null)) {
            throw ApiException.invalid("give either users (the full list) or addUsers/removeUsers, not both");
        }
        if (request.departments() != null && (request.addDepartments() != null || request.removeDepartments() != null)) {
            throw ApiException.invalid("give either departments (the full list) or addDepartments/removeDepartments, not both");
        }
        boolean nothing = request.tagName() == null && request.users() == null && request.addUsers() == null
                && request.removeUsers() == null && request.departments() == null
                && request.addDepartments() == null && request.removeDepartments() == null;
        if (nothing) {
            throw ApiException.invalid("nothing to change: give tagName, users, addUsers, removeUsers, departments, "
                    + "addDepartments or removeDepartments");
        }
        overlap("users", request.addUsers(), request.removeUsers());
        overlap("departments", request.addDepartments(), request.removeDepartments());
    }

    private static <T> void overlap(String what, List<T> add, List<T> remove) {
        if (add != null && remove != null) {
            Set<T> both = new TreeSet<>(add);
            both.retainAll(remove);
            if (!both.isEmpty()) {
                throw ApiException.invalid(what + " " + both + " are both added and removed");
            }
        }
    }

    private static <T extends Comparable<T>> Set<T> target(Set<T> current, List<T> replacement, List<T> add,
                                                           List<T> remove) {
        if (replacement != null) {
            return new TreeSet<>(replacement);
        }
        Set<T> target = new TreeSet<>(current);
        if (add != null) {
            target.addAll(add);
        }
        if (remove != null) {
            remove.forEach(target::remove);
        }
        return target;
    }

    private static <T extends Comparable<T>> Set<T> minus(Set<T> from, Set<T> taken) {
        Set<T> result = new TreeSet<>(from);
        result.removeAll(taken);
        return result;
    }

    private static String join(Collection<?> values) {
        return values.stream().map(Objects::toString).collect(Collectors.joining(","));
    }
}

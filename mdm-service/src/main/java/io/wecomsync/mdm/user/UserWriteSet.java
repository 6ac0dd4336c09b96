package io.wecomsync.mdm.user;

import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.mdm.WxUserIds;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.mdm.outbox.Outbox;
import io.wecomsync.mdm.outbox.UserChange;
import io.wecomsync.mdm.tx.AppliedEvents;
import io.wecomsync.mdm.tx.AppliedEvents.Applied;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reads and writes of one batch of user upserts, each done for all users at once: one locking read
 * of the users and one of their memberships, then at {@link #flush} one statement per table however
 * many users changed. What is handed in before {@link #flush} is only remembered.
 */
final class UserWriteSet {

    private final Factory tables;
    private final String corpId;
    private final RequestSource source;
    /** The source of the item being worked out: the request's, under the item's own trace when it names one. */
    private RequestSource itemSource;
    private final List<Applied> applied = new ArrayList<>();
    private final List<UserEntity> created = new ArrayList<>();
    private final List<UserEntity> updated = new ArrayList<>();
    /** userId → the memberships that replace the stored ones (a new user: its first). */
    private final Map<String, List<UserDepartmentEntity>> memberships = new LinkedHashMap<>();
    private final List<String> replacedMemberships = new ArrayList<>();
    private final List<Outbox.Changed> changes = new ArrayList<>();
    private final List<OperLogEntry> log = new ArrayList<>();

    private UserWriteSet(Factory tables, String corpId, RequestSource source) {
        this.tables = tables;
        this.corpId = corpId;
        this.source = source;
        this.itemSource = source;
    }

    String corpId() {
        return corpId;
    }

    /** Who asked for the item being worked out, and under which trace. */
    RequestSource source() {
        return itemSource;
    }

    /** What is handed in from now on belongs to an item of trace {@code traceId} (null: the request's). */
    void item(String traceId) {
        itemSource = source.withTrace(traceId);
    }

    /** Reads the users holding {@code wxUserIds} and their memberships, and locks the users until the transaction ends. */
    Current lock(List<String> wxUserIds) {
        List<UserEntity> rows = tables.users.lockByWxUserIds(corpId, wxUserIds);
        Map<String, UserEntity> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(WxUserIds.key(row.getWxUserId()), row));
        Map<String, List<UserDepartmentEntity>> byUser = rows.isEmpty() ? Map.of()
                : tables.memberships.findByUserIds(rows.stream().map(UserEntity::getUserId).toList()).stream()
                .collect(Collectors.groupingBy(UserDepartmentEntity::getUserId));
        return new Current(byKey, byUser);
    }

    /** Those of {@code events} applied before, keyed as {@link UserUpserts#key} makes them. */
    Set<Applied> alreadyApplied(OperAction action, List<Applied> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return tables.appliedEvents.applied(corpId, action.name(), events).stream()
                .map(UserUpserts::key).collect(Collectors.toSet());
    }

    void applied(Applied event) {
        applied.add(event);
    }

    void created(UserEntity row, List<DepartmentMembership> departments) {
        created.add(row);
        if (!departments.isEmpty()) {
            memberships.put(row.getUserId(), Memberships.toRows(row, departments));
        }
    }

    /** @param departments the memberships that replace the stored ones, or null to leave them */
    void updated(UserEntity row, List<DepartmentMembership> departments) {
        updated.add(row);
        if (departments != null) {
            replacedMemberships.add(row.getUserId());
            if (!departments.isEmpty()) {
                memberships.put(row.getUserId(), Memberships.toRows(row, departments));
            }
        }
    }

    void changed(UserEntity row, UserChange change) {
        changes.add(new Outbox.Changed(row.getUserId(), row.getCorpId(), change, null, itemSource.traceId()));
    }

    void log(OperLogEntry entry) {
        log.add(entry);
    }

    /** Writes everything handed in, in the caller's transaction. */
    void flush() {
        if (!applied.isEmpty()) {
            tables.appliedEvents.recordAll(corpId, OperAction.USER_UPSERT.name(), applied, tables.clock.instant());
        }
        if (!created.isEmpty()) {
            tables.users.insertAll(created);
        }
        if (!updated.isEmpty()) {
            tables.users.updateLocked(updated);
        }
        if (!replacedMemberships.isEmpty()) {
            tables.memberships.deleteByUserIds(replacedMemberships);
        }
        if (!memberships.isEmpty()) {
            tables.memberships.insertAll(memberships.values().stream().flatMap(List::stream).toList());
        }
        tables.outbox.usersChanged(changes);
        tables.operationLog.recordAll(log);
    }

    /** The users of a batch as read. */
    static final class Current {

        private final Map<String, UserEntity> users;
        private final Map<String, List<UserDepartmentEntity>> memberships;

        private Current(Map<String, UserEntity> users, Map<String, List<UserDepartmentEntity>> memberships) {
            this.users = users;
            this.memberships = memberships;
        }

        /** The user holding {@code wxUserId} (compared as WeCom compares them), or null. */
        UserEntity user(String wxUserId) {
            return users.get(WxUserIds.key(wxUserId));
        }

        List<DepartmentMembership> memberships(String userId) {
            return Memberships.fromRows(memberships.getOrDefault(userId, List.of()));
        }
    }

    /** Opens write sets; holds the tables they use. */
    @Component
    static class Factory {

        private final UserMapper users;
        private final UserDepartmentMapper memberships;
        private final AppliedEvents appliedEvents;
        private final Outbox outbox;
        private final OperationLog operationLog;
        private final Clock clock;

        Factory(UserMapper users, UserDepartmentMapper memberships, AppliedEvents appliedEvents, Outbox outbox,
                OperationLog operationLog, Clock clock) {
            this.users = users;
            this.memberships = memberships;
            this.appliedEvents = appliedEvents;
            this.outbox = outbox;
            this.operationLog = operationLog;
            this.clock = clock;
        }

        UserWriteSet open(String corpId, RequestSource source) {
            return new UserWriteSet(this, corpId, source);
        }
    }
}

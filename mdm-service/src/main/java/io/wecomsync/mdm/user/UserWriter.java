package io.wecomsync.mdm.user;

import io.wecomsync.mdm.fieldtime.FieldTimes;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.UserRenameRequest;
import io.wecomsync.common.mdm.UserResponse;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.common.mdm.WriteOutcome;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.mdm.outbox.Outbox;
import io.wecomsync.mdm.outbox.UserChange;
import io.wecomsync.mdm.pii.PiiCipher;
import io.wecomsync.mdm.tag.TagMembers;
import io.wecomsync.mdm.tx.AppliedEvents;
import io.wecomsync.mdm.tx.RetryingTransactions;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies user writes: upsert, rename and soft delete. An upsert whose source event was applied before
 * is answered ALREADY_APPLIED and writes nothing. Each runs in one transaction with its
 * operation-log row and, when it changed the user, its outbox record (so the CRM hears of every
 * committed change exactly once, however often the write is retried); is ignored when older than what
 * the row already reflects, and changes nothing when repeated.
 */
@Service
public class UserWriter {

    /** What a deleted user's wxUserId becomes when a live user is renamed onto it. */
    static final String RETIRED_PREFIX = "~retired~";

    private final UserMapper users;
    private final UserDepartmentMapper memberships;
    private final UserRenameMapper renames;
    private final UserViews views;
    private final TagMembers tags;
    private final PiiCipher pii;
    private final OperationLog operationLog;
    private final Outbox outbox;
    private final AppliedEvents appliedEvents;
    private final RetryingTransactions transactions;
    private final Clock clock;

    UserWriter(UserMapper users, UserDepartmentMapper memberships, UserRenameMapper renames, UserViews views,
               TagMembers tags, PiiCipher pii, OperationLog operationLog, Outbox outbox,
               AppliedEvents appliedEvents, RetryingTransactions transactions, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.renames = renames;
        this.views = views;
        this.tags = tags;
        this.pii = pii;
        this.operationLog = operationLog;
        this.outbox = outbox;
        this.appliedEvents = appliedEvents;
        this.transactions = transactions;
        this.clock = clock;
    }

    public WriteResponse<UserResponse> upsert(String corpId, String wxUserId, UserUpsertRequest request,
                                              RequestSource source) {
        return transactions.execute(() -> upsertInTransaction(corpId, wxUserId, request, source));
    }

    /**
     * The upsert inside the caller's transaction (a batch's savepoint): the caller retries or rolls back.
     * Throws {@link ApiException} for a refused request.
     */
    WriteResponse<UserResponse> upsertInTransaction(String corpId, String wxUserId, UserUpsertRequest request,
                                                    RequestSource source) {
        List<DepartmentMembership> departments = Memberships.normalize(request.departments(), request.mainDepartment());
        Write write = new Write(corpId, request.sourceEventTime().truncatedTo(ChronoUnit.MILLIS), request.sourceEventId(), source);
        if (request.sourceEventId() != null && appliedEvents.record(corpId, request.sourceEventId(),
                OperAction.USER_UPSERT.name(), wxUserId, write.eventTime(), clock.instant()) == 0) {
            // this very event was applied before (a retry after a time-out, an event applied again): nothing more
            UserEntity row = users.findByWxUserId(corpId, wxUserId);
            return WriteResponse.of(WriteOutcome.ALREADY_APPLIED, row == null ? null : views.view(row));
        }
        return upsertIn(wxUserId, request, departments, write);
    }

    private WriteResponse<UserResponse> upsertIn(String wxUserId, UserUpsertRequest request,
                                                 List<DepartmentMembership> departments, Write write) {
        UserEntity row = users.findByWxUserId(write.corpId(), wxUserId);
        return row == null
                ? create(wxUserId, request, departments, write)
                : update(row, request, departments, write);
    }

    private WriteResponse<UserResponse> create(String wxUserId, UserUpsertRequest request,
                                               List<DepartmentMembership> departments, Write write) {
        UserEntity row = newRow(wxUserId, write);
        FieldTimes times = FieldTimes.parse(null);
        List<FieldChange> changes = new ArrayList<>(UserFieldChanges.apply(row, request, pii, times, write.eventTime()).changes());
        if (departments != null) {
            times.claim("departments", write.eventTime());
        }
        row.setFieldTimes(times.serialize());
        users.insert(row);
        List<DepartmentMembership> stored = departments == null ? List.of() : Memberships.withDefaults(departments);
        if (!stored.isEmpty()) {
            memberships.insertAll(Memberships.toRows(row, stored));
            changes.add(new FieldChange("departments", null, Memberships.describe(stored)));
        }
        outbox.userChanged(row.getUserId(), row.getCorpId(), UserChange.CREATED, null);
        return logged(OperAction.USER_UPSERT, WriteOutcome.CREATED, row, stored, changes, write);
    }

    private WriteResponse<UserResponse> update(UserEntity row, UserUpsertRequest request,
                                               List<DepartmentMembership> requested, Write write) {
        List<DepartmentMembership> current = Memberships.fromRows(memberships.findByUserId(row.getUserId()));
        List<DepartmentMembership> departments = requested == null ? null : Memberships.merge(requested, current);
        FieldTimes times = FieldTimes.parse(row.getFieldTimes());
        Instant deletedAt = Boolean.TRUE.equals(row.getDeleted()) ? deletionTime(row, times) : null;
        if (deletedAt != null && deletedAt.isAfter(write.eventTime())) {
            // older than the deletion: a deleted user is not brought back, nor filled, by the past
            return logged(OperAction.USER_UPSERT, WriteOutcome.STALE, row, current, List.of(), write);
        }
        UserFieldChanges.Result fields = UserFieldChanges.apply(row, request, pii, times, write.eventTime());
        List<FieldChange> changes = new ArrayList<>(fields.changes());
        int present = fields.present();
        int stale = fields.stale();
        boolean membershipChanged = false;
        if (departments != null) {
            present++;
            if (times.claim("departments", write.eventTime())) {
                membershipChanged = !departments.equals(current);
            } else {
                stale++;
            }
        }
        if (membershipChanged) {
            changes.add(new FieldChange("departments", Memberships.describe(current), Memberships.describe(departments)));
        }
        if (deletedAt != null) {
            row.setDeleted(false);
            row.setDeletedAt(null);
            times.claim("deleted", write.eventTime());
            changes.add(new FieldChange("deleted", "true", "false"));
        }
        if (present > 0 && stale == present && changes.isEmpty()) {
            return logged(OperAction.USER_UPSERT, WriteOutcome.STALE, row, current, List.of(), write);
        }
        if (changes.isEmpty() && !times.changed()) {
            return logged(OperAction.USER_UPSERT, WriteOutcome.UNCHANGED, row, current, changes, write);
        }
        if (write.eventTime().isAfter(row.getLastEventTime())) {
            row.setLastEventTime(write.eventTime());
            row.setLastEventId(write.eventId());
        }
        row.setFieldTimes(times.serialize());
        if (!changes.isEmpty()) {
            row.setUpdatedAt(clock.instant());
        }
        updateVersioned(row);
        if (membershipChanged) {
            memberships.deleteByUserId(row.getUserId());
            if (!departments.isEmpty()) {
                memberships.insertAll(Memberships.toRows(row, departments));
            }
        }
        WriteOutcome outcome = changes.isEmpty() ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
        if (outcome == WriteOutcome.UPDATED) {
            outbox.userChanged(row.getUserId(), row.getCorpId(), UserChange.UPDATED, null);
        }
        return logged(OperAction.USER_UPSERT, outcome, row, membershipChanged ? departments : current, changes, write);
    }

    /** When the user was deleted, by source event time (rows deleted before field times existed: the row's newest event). */
    private static Instant deletionTime(UserEntity row, FieldTimes times) {
        Instant deleted = times.of("deleted");
        return deleted != null ? deleted : row.getLastEventTime();
    }

    public WriteResponse<UserResponse> rename(String corpId, String wxUserId, UserRenameRequest request,
                                              RequestSource source) {
        String newWxUserId = request.newWxUserId();
        Write write = new Write(corpId, request.sourceEventTime().truncatedTo(ChronoUnit.MILLIS),
                request.sourceEventId(), source);
        return transactions.execute(() -> {
            UserEntity row = users.findByWxUserId(corpId, wxUserId);
            if (row == null) {
                UserEntity renamed = users.findByWxUserId(corpId, newWxUserId);
                if (renamed != null && !wxUserId.equals(newWxUserId)) {
                    // a redelivered rename: the user already carries the new id
                    return logged(OperAction.USER_RENAME, WriteOutcome.UNCHANGED, renamed, null, List.of(), write);
                }
                throw notFound(corpId, wxUserId);
            }
            if (row.getLastEventTime().isAfter(write.eventTime())) {
                return logged(OperAction.USER_RENAME, WriteOutcome.STALE, row, null, List.of(), write);
            }
            if (wxUserId.equals(newWxUserId)) {
                return logged(OperAction.USER_RENAME, WriteOutcome.UNCHANGED, row, null, List.of(), write);
            }
            // wxUserIds compare without case (WeCom's do, and so does the column): "Zhang" → "zhang" finds the row itself
            UserEntity holder = users.findByWxUserId(corpId, newWxUserId);
            Instant now = clock.instant();
            if (holder != null && !holder.getUserId().equals(row.getUserId())) {
                if (!Boolean.TRUE.equals(holder.getDeleted())) {
                    throw new ApiException(ErrorCode.WX_USER_ID_TAKEN, "wxUserId '" + newWxUserId
                            + "' already belongs to user " + holder.getUserId() + " in corp " + corpId);
                }
                retire(holder, write, now);
            }
            row.setWxUserId(newWxUserId);
            row.setLastEventTime(write.eventTime());
            row.setLastEventId(write.eventId());
            row.setUpdatedAt(now);
            updateVersioned(row);
            renames.insert(row.getUserId(), corpId, wxUserId, newWxUserId, write.eventTime(), write.eventId(), now);
            tags.followUserRename(corpId, wxUserId, newWxUserId);
            outbox.userChanged(row.getUserId(), corpId, UserChange.RENAMED, wxUserId);
            return logged(OperAction.USER_RENAME, WriteOutcome.RENAMED, row, null,
                    List.of(new FieldChange("wxUserId", wxUserId, newWxUserId)), write);
        });
    }

    public WriteResponse<UserResponse> delete(String corpId, String wxUserId, Instant sourceEventTime,
                                              String sourceEventId, RequestSource source) {
        Write write = new Write(corpId, sourceEventTime.truncatedTo(ChronoUnit.MILLIS), sourceEventId, source);
        return transactions.execute(() -> {
            UserEntity row = users.findByWxUserId(corpId, wxUserId);
            if (row == null) {
                return tombstone(wxUserId, write);
            }
            if (row.getLastEventTime().isAfter(write.eventTime())) {
                return logged(OperAction.USER_DELETE, WriteOutcome.STALE, row, null, List.of(), write);
            }
            if (Boolean.TRUE.equals(row.getDeleted())) {
                return logged(OperAction.USER_DELETE, WriteOutcome.UNCHANGED, row, null, List.of(), write);
            }
            Instant now = clock.instant();
            FieldTimes times = FieldTimes.parse(row.getFieldTimes());
            times.claim("deleted", write.eventTime());
            row.setFieldTimes(times.serialize());
            row.setDeleted(true);
            row.setDeletedAt(now);
            row.setLastEventTime(write.eventTime());
            row.setLastEventId(write.eventId());
            row.setUpdatedAt(now);
            updateVersioned(row);
            outbox.userChanged(row.getUserId(), corpId, UserChange.DELETED, null);
            return logged(OperAction.USER_DELETE, WriteOutcome.DELETED, row, null,
                    List.of(new FieldChange("deleted", "false", "true")), write);
        });
    }

    /**
     * Frees the wxUserId a deleted user still holds, so a live user can be renamed onto it (WeCom lets a
     * userid be reused once its holder left): the deleted record keeps its data and history under
     * {@code ~retired~{userId}}, and the operation log says so.
     */
    private void retire(UserEntity holder, Write write, Instant now) {
        String freed = holder.getWxUserId();
        holder.setWxUserId(RETIRED_PREFIX + holder.getUserId());
        holder.setUpdatedAt(now);
        updateVersioned(holder);
        renames.insert(holder.getUserId(), write.corpId(), freed, holder.getWxUserId(), write.eventTime(), write.eventId(), now);
        operationLog.record(new OperLogEntry(write.corpId(), OperAction.USER_RENAME, holder.getUserId(), "RETIRED",
                List.of(new FieldChange("wxUserId", freed, holder.getWxUserId())), write.eventId(), write.source(),
                "a deleted user's wxUserId was freed for a rename onto it"));
    }

    /**
     * A delete that overtook the user's creation (WeCom does not promise order): remember the user as
     * deleted at that time, so the late create is recognized as older and not applied.
     */
    private WriteResponse<UserResponse> tombstone(String wxUserId, Write write) {
        UserEntity row = newRow(wxUserId, write);
        FieldTimes times = FieldTimes.parse(null);
        times.claim("deleted", write.eventTime());
        row.setFieldTimes(times.serialize());
        row.setDeleted(true);
        row.setDeletedAt(row.getCreatedAt());
        users.insert(row);
        return logged(OperAction.USER_DELETE, WriteOutcome.DELETED, row, List.of(),
                List.of(new FieldChange("deleted", null, "true")), write);
    }

    /** A new user row with a fresh userId, reflecting {@code write}. */
    private UserEntity newRow(String wxUserId, Write write) {
        Instant now = clock.instant();
        UserEntity row = new UserEntity();
        row.setUserId(IdWorker.getIdStr());
        row.setCorpId(write.corpId());
        row.setWxUserId(wxUserId);
        row.setDeleted(false);
        row.setVersion(0);
        row.setLastEventTime(write.eventTime());
        row.setLastEventId(write.eventId());
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        return row;
    }

    private void updateVersioned(UserEntity row) {
        if (users.updateById(row) != 1) {
            throw RetryingTransactions.versionConflict("user " + row.getUserId());
        }
    }

    private WriteResponse<UserResponse> logged(OperAction action, WriteOutcome outcome, UserEntity row,
                                               List<DepartmentMembership> departments, List<FieldChange> changes,
                                               Write write) {
        operationLog.record(new OperLogEntry(write.corpId(), action, row.getUserId(), outcome.name(), changes,
                write.eventId(), write.source(), Objects.equals(outcome, WriteOutcome.STALE)
                ? "ignored: the user already reflects " + row.getLastEventTime() : null));
        UserResponse view = departments == null ? views.view(row) : views.view(row, departments);
        return WriteResponse.of(outcome, view);
    }

    private static ApiException notFound(String corpId, String wxUserId) {
        return new ApiException(ErrorCode.USER_NOT_FOUND, "no user with wxUserId '" + wxUserId + "' in corp " + corpId);
    }

    /** The event a write comes from, and who sent it. */
    private record Write(String corpId, Instant eventTime, String eventId, RequestSource source) {
    }
}

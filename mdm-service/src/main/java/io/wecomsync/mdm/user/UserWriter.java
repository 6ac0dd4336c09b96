package io.wecomsync.mdm.user;

import io.wecomsync.mdm.fieldtime.FieldTimes;
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
import io.wecomsync.mdm.tag.TagMembers;
import io.wecomsync.mdm.tx.RetryingTransactions;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final UserUpserts upserts;
    private final UserRenameMapper renames;
    private final UserViews views;
    private final TagMembers tags;
    private final OperationLog operationLog;
    private final Outbox outbox;
    private final RetryingTransactions transactions;
    private final Clock clock;

    UserWriter(UserMapper users, UserUpserts upserts, UserRenameMapper renames, UserViews views, TagMembers tags,
               OperationLog operationLog, Outbox outbox, RetryingTransactions transactions, Clock clock) {
        this.users = users;
        this.upserts = upserts;
        this.renames = renames;
        this.views = views;
        this.tags = tags;
        this.operationLog = operationLog;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public WriteResponse<UserResponse> upsert(String corpId, String wxUserId, UserUpsertRequest request,
                                              RequestSource source) {
        UserUpserts.Upserted upserted = transactions.executeReadCommitted(() ->
                upserts.apply(corpId, List.of(new UserUpserts.Item(wxUserId, request, null)), source).get(0));
        if (upserted instanceof UserUpserts.Refused refused) {
            throw refused.reason();
        }
        UserUpserts.Written written = (UserUpserts.Written) upserted;
        return WriteResponse.of(written.outcome(),
                written.row() == null ? null : views.view(written.row(), written.departments()));
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
            outbox.userChanged(row.getUserId(), corpId, UserChange.RENAMED, wxUserId, source.traceId());
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
            outbox.userChanged(row.getUserId(), corpId, UserChange.DELETED, null, source.traceId());
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
        UserEntity row = UserEntity.fresh(write.corpId(), wxUserId, write.eventTime(), write.eventId(), clock.instant());
        FieldTimes times = FieldTimes.parse(null);
        times.claim("deleted", write.eventTime());
        row.setFieldTimes(times.serialize());
        row.setDeleted(true);
        row.setDeletedAt(row.getCreatedAt());
        users.insert(row);
        return logged(OperAction.USER_DELETE, WriteOutcome.DELETED, row, List.of(),
                List.of(new FieldChange("deleted", null, "true")), write);
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

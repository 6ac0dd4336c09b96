package io.wecomsync.mdm.department;

import io.wecomsync.common.api.ErrorCode;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.wecomsync.common.mdm.DepartmentDigest;
import io.wecomsync.common.mdm.DepartmentResponse;
import io.wecomsync.common.mdm.DigestPage;
import io.wecomsync.common.mdm.DirectoryFingerprints;
import io.wecomsync.common.mdm.DepartmentUpsertRequest;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.WriteOutcome;
import io.wecomsync.common.mdm.WriteResponse;
import io.wecomsync.mdm.fieldtime.FieldTimes;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.oplog.OperationLog;
import io.wecomsync.mdm.tx.RetryingTransactions;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads and writes departments. Writes are idempotent; each field is guarded by the time of the event
 * that last set it, so a late, older partial update fills only what nothing newer set; a delete is
 * ignored when older than the row's newest event.
 */
@Service
class DepartmentWriter {

    /** The fields with times of their own; rows written before field times count their newest event for each. */
    private static final String[] FIELDS = {"name", "parentId", "order", "deleted"};

    private final DepartmentMapper departments;
    private final OperationLog operationLog;
    private final RetryingTransactions transactions;
    private final Clock clock;

    DepartmentWriter(DepartmentMapper departments, OperationLog operationLog, RetryingTransactions transactions,
                     Clock clock) {
        this.departments = departments;
        this.operationLog = operationLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DepartmentResponse get(String corpId, long deptId) {
        DepartmentEntity row = departments.find(corpId, deptId);
        if (row == null) {
            throw notFound(corpId, deptId);
        }
        return view(row);
    }

    /** A page of the corp's departments as fingerprints, in id order, deleted ones included. */
    @Transactional(readOnly = true)
    public DigestPage<DepartmentDigest> digest(String corpId, Long after, int limit) {
        List<DepartmentEntity> rows = departments.selectList(new LambdaQueryWrapper<DepartmentEntity>()
                .eq(DepartmentEntity::getCorpId, corpId)
                .gt(after != null, DepartmentEntity::getDeptId, after)
                .orderByAsc(DepartmentEntity::getDeptId)
                .last("LIMIT " + limit));
        List<DepartmentDigest> items = rows.stream().map(row -> new DepartmentDigest(row.getDeptId(),
                DirectoryFingerprints.department(row.getName(), row.getParentId(), row.getSortOrder()),
                row.getLastEventTime(), Boolean.TRUE.equals(row.getDeleted()))).toList();
        return new DigestPage<>(items, rows.size() == limit ? String.valueOf(rows.get(rows.size() - 1).getDeptId()) : null);
    }

    public WriteResponse<DepartmentResponse> upsert(String corpId, long deptId, DepartmentUpsertRequest request,
                                                    RequestSource source) {
        if (request.parentId() != null && request.parentId() == deptId) {
            throw ApiException.invalid("parentId must not be the department itself (" + deptId + ")");
        }
        Instant eventTime = request.sourceEventTime().truncatedTo(ChronoUnit.MILLIS);
        return transactions.execute(() -> {
            DepartmentEntity row = departments.find(corpId, deptId);
            Instant now = clock.instant();
            if (row == null) {
                row = new DepartmentEntity();
                row.setCorpId(corpId);
                row.setDeptId(deptId);
                FieldTimes times = FieldTimes.parse(null);
                List<FieldChange> changes = applyFields(row, request, times, eventTime).changes();
                row.setFieldTimes(times.serialize());
                row.setDeleted(false);
                row.setVersion(0);
                row.setLastEventTime(eventTime);
                row.setLastEventId(request.sourceEventId());
                row.setCreatedAt(now);
                row.setUpdatedAt(now);
                departments.insert(row);
                return logged(OperAction.DEPARTMENT_UPSERT, WriteOutcome.CREATED, row, changes, request.sourceEventId(), source);
            }
            FieldTimes times = FieldTimes.parseOr(row.getFieldTimes(), row.getLastEventTime(), FIELDS);
            Instant deletedAt = Boolean.TRUE.equals(row.getDeleted())
                    ? (times.of("deleted") != null ? times.of("deleted") : row.getLastEventTime()) : null;
            if (deletedAt != null && deletedAt.isAfter(eventTime)) {
                // older than the deletion: a deleted department is not brought back, nor filled, by the past
                return logged(OperAction.DEPARTMENT_UPSERT, WriteOutcome.STALE, row, List.of(), request.sourceEventId(), source);
            }
            Applied applied = applyFields(row, request, times, eventTime);
            List<FieldChange> changes = new ArrayList<>(applied.changes());
            if (deletedAt != null) {
                row.setDeleted(false);
                row.setDeletedAt(null);
                times.claim("deleted", eventTime);
                changes.add(new FieldChange("deleted", "true", "false"));
            }
            if (applied.present() > 0 && applied.stale() == applied.present() && changes.isEmpty()) {
                return logged(OperAction.DEPARTMENT_UPSERT, WriteOutcome.STALE, row, List.of(), request.sourceEventId(), source);
            }
            if (changes.isEmpty() && !times.changed()) {
                return logged(OperAction.DEPARTMENT_UPSERT, WriteOutcome.UNCHANGED, row, changes, request.sourceEventId(), source);
            }
            if (eventTime.isAfter(row.getLastEventTime())) {
                row.setLastEventTime(eventTime);
                row.setLastEventId(request.sourceEventId());
            }
            row.setFieldTimes(times.serialize());
            if (!changes.isEmpty()) {
                row.setUpdatedAt(now);
            }
            updateVersioned(row);
            WriteOutcome outcome = changes.isEmpty() ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
            return logged(OperAction.DEPARTMENT_UPSERT, outcome, row, changes, request.sourceEventId(), source);
        });
    }

    public WriteResponse<DepartmentResponse> delete(String corpId, long deptId, Instant sourceEventTime,
                                                    String sourceEventId, RequestSource source) {
        Instant eventTime = sourceEventTime.truncatedTo(ChronoUnit.MILLIS);
        return transactions.execute(() -> {
            DepartmentEntity row = departments.find(corpId, deptId);
            Instant now = clock.instant();
            if (row == null) {
                // the delete overtook the creation: remember it, so the late create is seen as older
                row = new DepartmentEntity();
                row.setCorpId(corpId);
                row.setDeptId(deptId);
                row.setDeleted(true);
                row.setDeletedAt(now);
                row.setVersion(0);
                row.setLastEventTime(eventTime);
                row.setLastEventId(sourceEventId);
                row.setCreatedAt(now);
                row.setUpdatedAt(now);
                departments.insert(row);
                return logged(OperAction.DEPARTMENT_DELETE, WriteOutcome.DELETED, row,
                        List.of(new FieldChange("deleted", null, "true")), sourceEventId, source);
            }
            if (row.getLastEventTime().isAfter(eventTime)) {
                return logged(OperAction.DEPARTMENT_DELETE, WriteOutcome.STALE, row, List.of(), sourceEventId, source);
            }
            if (Boolean.TRUE.equals(row.getDeleted())) {
                return logged(OperAction.DEPARTMENT_DELETE, WriteOutcome.UNCHANGED, row, List.of(), sourceEventId, source);
            }
            FieldTimes times = FieldTimes.parseOr(row.getFieldTimes(), row.getLastEventTime(), FIELDS);
            times.claim("deleted", eventTime);
            row.setFieldTimes(times.serialize());
            row.setDeleted(true);
            row.setDeletedAt(now);
            row.setLastEventTime(eventTime);
            row.setLastEventId(sourceEventId);
            row.setUpdatedAt(now);
            updateVersioned(row);
            return logged(OperAction.DEPARTMENT_DELETE, WriteOutcome.DELETED, row,
                    List.of(new FieldChange("deleted", "false", "true")), sourceEventId, source);
        });
    }

    /**
     * Sets the fields the request carries, each only if no newer event set it ({@link FieldTimes});
     * answers the changes and how many fields were present and how many of those were stale.
     */
    private static Applied applyFields(DepartmentEntity row, DepartmentUpsertRequest request, FieldTimes times,
                                       Instant eventTime) {
        List<FieldChange> changes = new ArrayList<>();
        int present = 0;
        int stale = 0;
        if (request.name() != null) {
            present++;
            if (times.claim("name", eventTime)) {
                change(changes, "name", request.name().isEmpty() ? null : request.name(), row.getName(), row::setName);
            } else {
                stale++;
            }
        }
        if (request.parentId() != null) {
            present++;
            if (times.claim("parentId", eventTime)) {
                change(changes, "parentId", request.parentId(), row.getParentId(), row::setParentId);
            } else {
                stale++;
            }
        }
        if (request.order() != null) {
            present++;
            if (times.claim("order", eventTime)) {
                change(changes, "order", request.order(), row.getSortOrder(), row::setSortOrder);
            } else {
                stale++;
            }
        }
        return new Applied(changes, present, stale);
    }

    private record Applied(List<FieldChange> changes, int present, int stale) {
    }

    private static <T> void change(List<FieldChange> changes, String field, T next, T current, Consumer<T> set) {
        if (!Objects.equals(next, current)) {
            set.accept(next);
            changes.add(new FieldChange(field, Objects.toString(current, null), Objects.toString(next, null)));
        }
    }

    private void updateVersioned(DepartmentEntity row) {
        if (departments.updateById(row) != 1) {
            throw RetryingTransactions.versionConflict("department " + row.getDeptId());
        }
    }

    private WriteResponse<DepartmentResponse> logged(OperAction action, WriteOutcome outcome, DepartmentEntity row,
                                                     List<FieldChange> changes, String eventId, RequestSource source) {
        operationLog.record(new OperLogEntry(row.getCorpId(), action, String.valueOf(row.getDeptId()), outcome.name(),
                changes, eventId, source, outcome == WriteOutcome.STALE
                ? "ignored: the department already reflects " + row.getLastEventTime() : null));
        return WriteResponse.of(outcome, view(row));
    }

    private static DepartmentResponse view(DepartmentEntity row) {
        return new DepartmentResponse(row.getCorpId(), row.getDeptId(), row.getName(), row.getParentId(),
                row.getSortOrder(), Boolean.TRUE.equals(row.getDeleted()), row.getLastEventTime(), row.getUpdatedAt());
    }

    private static ApiException notFound(String corpId, long deptId) {
        return new ApiException(ErrorCode.DEPARTMENT_NOT_FOUND, "no department " + deptId + " in corp " + corpId);
    }
}

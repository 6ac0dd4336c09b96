package io.wecomsync.mdm.user;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.mdm.OperLogResponse.FieldChange;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.common.mdm.WriteOutcome;
import io.wecomsync.common.mdm.WxUserIds;
import io.wecomsync.mdm.fieldtime.FieldTimes;
import io.wecomsync.mdm.oplog.OperAction;
import io.wecomsync.mdm.oplog.OperLogEntry;
import io.wecomsync.mdm.outbox.UserChange;
import io.wecomsync.mdm.pii.PiiCipher;
import io.wecomsync.mdm.tx.AppliedEvents.Applied;
import io.wecomsync.mdm.web.RequestSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Upserts several users of one corp inside the caller's transaction, with a fixed number of statements
 * however many users there are: the users are read (and locked) together, each upsert is worked out in
 * memory, and what they write goes out together ({@link UserWriteSet}). An upsert whose source event was
 * applied before is ALREADY_APPLIED and writes nothing; one older than what the row reflects is STALE;
 * one that is refused is answered so and writes nothing, the others go on. A write that collides with
 * another writer (a user created meanwhile, a deadlock) fails the transaction: the caller runs it again.
 */
@Service
class UserUpserts {

    private final UserWriteSet.Factory writeSets;
    private final PiiCipher pii;
    private final Set<String> personalAttributes;
    private final Clock clock;

    UserUpserts(UserWriteSet.Factory writeSets, PiiCipher pii, CustomAttributeProperties attributes, Clock clock) {
        this.writeSets = writeSets;
        this.pii = pii;
        this.personalAttributes = attributes.personalNames();
        this.clock = clock;
    }

    /** One user's upsert, as asked; {@code traceId} the trace of its source event when it differs from the request's. */
    record Item(String wxUserId, UserUpsertRequest request, String traceId) {
    }

    /** What an item came to: written (in any outcome), or refused. */
    sealed interface Upserted {
    }

    /**
     * @param row         the user after the write; null only for ALREADY_APPLIED of an event whose user has
     *                    since been renamed away
     * @param departments the user's memberships after the write
     */
    record Written(WriteOutcome outcome, UserEntity row, List<DepartmentMembership> departments) implements Upserted {
    }

    record Refused(ApiException reason) implements Upserted {
    }

    /** Applies {@code items} (one per user) in order and answers each, in the same order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Upserted> apply(String corpId, List<Item> items, RequestSource source) {
        UserWriteSet writes = writeSets.open(corpId, source);
        UserWriteSet.Current current = writes.lock(items.stream().map(Item::wxUserId).toList());
        Set<Applied> applied = writes.alreadyApplied(OperAction.USER_UPSERT, items.stream()
                .filter(item -> item.request().sourceEventId() != null)
                .map(UserUpserts::applied).toList());
        List<Upserted> results = new ArrayList<>(items.size());
        for (Item item : items) {
            UserEntity row = current.user(item.wxUserId());
            writes.item(item.traceId());
            List<DepartmentMembership> memberships = row == null ? List.of() : current.memberships(row.getUserId());
            if (item.request().sourceEventId() != null && applied.contains(key(applied(item)))) {
                // this very event was applied before (a retry after a time-out, an event applied again): nothing more
                results.add(new Written(WriteOutcome.ALREADY_APPLIED, row, memberships));
                continue;
            }
            try {
                results.add(plan(item, row, memberships, writes));
            } catch (ApiException refused) {
                results.add(new Refused(refused));
            }
        }
        writes.flush();
        return results;
    }

    /** How {@link UserWriteSet#alreadyApplied} reports an event: subjects keyed without case. */
    static Applied key(Applied event) {
        return new Applied(event.sourceEventId(), WxUserIds.key(event.subject()), event.eventTime());
    }

    private static Applied applied(Item item) {
        return new Applied(item.request().sourceEventId(), item.wxUserId(), eventTime(item.request()));
    }

    private static Instant eventTime(UserUpsertRequest request) {
        return request.sourceEventTime().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Works one item out against the row as read and hands its writes to {@code writes} only once it is
     * sure of them, so a refusal half-way leaves nothing behind.
     */
    private Written plan(Item item, UserEntity row, List<DepartmentMembership> current, UserWriteSet writes) {
        UserUpsertRequest request = item.request();
        List<DepartmentMembership> departments = Memberships.normalize(request.departments(), request.mainDepartment());
        Instant eventTime = eventTime(request);
        Written written = row == null
                ? create(item.wxUserId(), request, departments, eventTime, writes)
                : update(row, request, departments, current, eventTime, writes);
        if (request.sourceEventId() != null) {
            writes.applied(applied(item));
        }
        return written;
    }

    private Written create(String wxUserId, UserUpsertRequest request, List<DepartmentMembership> departments,
                           Instant eventTime, UserWriteSet writes) {
        UserEntity row = UserEntity.fresh(writes.corpId(), wxUserId, eventTime, request.sourceEventId(), clock.instant());
        FieldTimes times = FieldTimes.parse(null);
        List<FieldChange> changes = new ArrayList<>(UserFieldChanges.apply(row, request, pii, personalAttributes, times, eventTime).changes());
        if (departments != null) {
            times.claim("departments", eventTime);
        }
        row.setFieldTimes(times.serialize());
        List<DepartmentMembership> stored = departments == null ? List.of() : Memberships.withDefaults(departments);
        if (!stored.isEmpty()) {
            changes.add(new FieldChange("departments", null, Memberships.describe(stored)));
        }
        writes.created(row, stored);
        writes.changed(row, UserChange.CREATED);
        return logged(WriteOutcome.CREATED, row, stored, changes, request.sourceEventId(), writes);
    }

    private Written update(UserEntity row, UserUpsertRequest request, List<DepartmentMembership> requested,
                           List<DepartmentMembership> current, Instant eventTime, UserWriteSet writes) {
        List<DepartmentMembership> departments = requested == null ? null : Memberships.merge(requested, current);
        FieldTimes times = FieldTimes.parse(row.getFieldTimes());
        Instant deletedAt = Boolean.TRUE.equals(row.getDeleted()) ? deletionTime(row, times) : null;
        String eventId = request.sourceEventId();
        if (deletedAt != null && deletedAt.isAfter(eventTime)) {
            // older than the deletion: a deleted user is not brought back, nor filled, by the past
            return logged(WriteOutcome.STALE, row, current, List.of(), eventId, writes);
        }
        UserFieldChanges.Result fields = UserFieldChanges.apply(row, request, pii, personalAttributes, times, eventTime);
        List<FieldChange> changes = new ArrayList<>(fields.changes());
        int present = fields.present();
        int stale = fields.stale();
        boolean membershipChanged = false;
        if (departments != null) {
            present++;
            if (times.claim("departments", eventTime)) {
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
            times.claim("deleted", eventTime);
            changes.add(new FieldChange("deleted", "true", "false"));
        }
        if (present > 0 && stale == present && changes.isEmpty()) {
            return logged(WriteOutcome.STALE, row, current, List.of(), eventId, writes);
        }
        if (changes.isEmpty() && !times.changed()) {
            return logged(WriteOutcome.UNCHANGED, row, current, changes, eventId, writes);
        }
        if (eventTime.isAfter(row.getLastEventTime())) {
            row.setLastEventTime(eventTime);
            row.setLastEventId(eventId);
        }
        row.setFieldTimes(times.serialize());
        if (!changes.isEmpty()) {
            row.setUpdatedAt(clock.instant());
        }
        writes.updated(row, membershipChanged ? departments : null);
        WriteOutcome outcome = changes.isEmpty() ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
        if (outcome == WriteOutcome.UPDATED) {
            writes.changed(row, UserChange.UPDATED);
        }
        return logged(outcome, row, membershipChanged ? departments : current, changes, eventId, writes);
    }

    /** When the user was deleted, by source event time (rows deleted before field times existed: the row's newest event). */
    private static Instant deletionTime(UserEntity row, FieldTimes times) {
        Instant deleted = times.of("deleted");
        return deleted != null ? deleted : row.getLastEventTime();
    }

    private static Written logged(WriteOutcome outcome, UserEntity row, List<DepartmentMembership> departments,
                                  List<FieldChange> changes, String eventId, UserWriteSet writes) {
        writes.log(new OperLogEntry(writes.corpId(), OperAction.USER_UPSERT, row.getUserId(), outcome.name(), changes,
                eventId, writes.source(), Objects.equals(outcome, WriteOutcome.STALE)
                ? "ignored: the user already reflects " + row.getLastEventTime() : null));
        return new Written(outcome, row, departments);
    }
}

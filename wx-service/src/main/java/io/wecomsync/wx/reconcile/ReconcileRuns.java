package io.wecomsync.wx.reconcile;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.text.Excerpt;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run records. Starting a run inserts its row with {@code running_corp} set; the unique key on that
 * column is the cluster-wide "one run per corp" lock, released when the run ends. A run whose heartbeat
 * stopped for {@code staleAfter} (its instance died) is marked ABANDONED by the next one to start.
 */
@Component
class ReconcileRuns {

    private static final TypeReference<Map<String, Integer>> ERRORS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<String>>> SAMPLES = new TypeReference<>() {
    };
    private static final int MAX_MESSAGE = 1000;

    private final ReconcileRunMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    ReconcileRuns(ReconcileRunMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /** Starts a run's record and takes the corp's lock; throws {@link RunAlreadyRunningException} when it is taken. */
    ReconcileRunEntity begin(String corpId, RunTrigger trigger, boolean dryRun, String requestedBy, Duration staleAfter) {
        Instant now = clock.instant();
        mapper.abandonStale(corpId, now.minus(staleAfter), now);
        ReconcileRunEntity row = new ReconcileRunEntity();
        row.setCorpId(corpId);
        row.setRunningCorp(corpId);
        row.setTriggerType(trigger.name());
        row.setDryRun(dryRun);
        row.setStatus(RunStatus.RUNNING.name());
        row.setPhase(RunPhase.STARTING.name());
        row.setRequestedBy(requestedBy);
        row.setInstance(instance.length() > 64 ? instance.substring(0, 64) : instance);
        row.setStartedAt(now);
        row.setHeartbeatAt(now);
        try {
            mapper.insert(row);
            return mapper.selectById(row.getId());
        } catch (DuplicateKeyException e) {
            ReconcileRunEntity running = mapper.selectOne(new LambdaQueryWrapper<ReconcileRunEntity>()
                    .eq(ReconcileRunEntity::getRunningCorp, corpId));
            throw new RunAlreadyRunningException(corpId, running == null ? 0 : running.getId());
        }
    }

    /** Writes what a running run has read so far; also its heartbeat. */
    void progress(RunProgress progress) {
        mapper.update(null, new LambdaUpdateWrapper<ReconcileRunEntity>()
                .set(ReconcileRunEntity::getPhase, progress.phase().name())
                .set(ReconcileRunEntity::getHeartbeatAt, clock.instant())
                .set(ReconcileRunEntity::getUsersRead, progress.usersRead())
                .set(ReconcileRunEntity::getDepartmentsRead, progress.departmentsRead())
                .set(ReconcileRunEntity::getTagsRead, progress.tagsRead())
                .set(ReconcileRunEntity::getFailed, progress.failed())
                .set(ReconcileRunEntity::getUnreadable, progress.unreadableCount())
                .set(ReconcileRunEntity::getWecomErrors, write(progress.errors()))
                .eq(ReconcileRunEntity::getId, progress.runId())
                .eq(ReconcileRunEntity::getStatus, RunStatus.RUNNING.name()));
    }

    /** How a run ended, with what it did. */
    record Outcome(RunStatus status, int created, int updated, int deleted, int unchanged, int deletionsPending,
                   Map<String, List<String>> samples, String message) {

        static Outcome failed(String message) {
            return new Outcome(RunStatus.FAILED, 0, 0, 0, 0, 0, Map.of(), message);
        }
    }

    /** Ends a run and releases the corp; false when the run was no longer RUNNING (given up as abandoned). */
    boolean finish(RunProgress progress, Outcome outcome) {
        progress.phase(RunPhase.FINISHED);
        return mapper.update(null, new LambdaUpdateWrapper<ReconcileRunEntity>()
                .set(ReconcileRunEntity::getStatus, outcome.status().name())
                .set(ReconcileRunEntity::getRunningCorp, null)
                .set(ReconcileRunEntity::getFinishedAt, clock.instant())
                .set(ReconcileRunEntity::getCreated, outcome.created())
                .set(ReconcileRunEntity::getUpdated, outcome.updated())
                .set(ReconcileRunEntity::getDeleted, outcome.deleted())
                .set(ReconcileRunEntity::getUnchanged, outcome.unchanged())
                .set(ReconcileRunEntity::getDeletionsPending, outcome.deletionsPending())
                .set(ReconcileRunEntity::getSamples, write(outcome.samples()))
                .set(ReconcileRunEntity::getMessage, Excerpt.of(outcome.message(), MAX_MESSAGE))
                .eq(ReconcileRunEntity::getId, progress.runId())
                .eq(ReconcileRunEntity::getStatus, RunStatus.RUNNING.name())) == 1;
    }

    /** Run {@code newerId} read the corp afresh: deletions older runs still hold wait no longer. */
    void supersedeOlder(String corpId, long newerId) {
        mapper.supersede(corpId, newerId);
    }

    void holdDeletions(long runId, ReconcilePlan.Kind kind, List<String> ids) {
        for (int from = 0; from < ids.size(); from += 1000) {
            mapper.insertDeletions(runId, kind.name(), ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
    }

    List<String> heldDeletions(long runId, ReconcilePlan.Kind kind) {
        return mapper.findDeletions(runId, kind.name());
    }

    /** Moves a run from AWAITING_CONFIRMATION to {@code decision}; false when it no longer waits. */
    boolean decide(long runId, RunStatus decision, int deleted, String message) {
        return mapper.update(null, new LambdaUpdateWrapper<ReconcileRunEntity>()
                .set(ReconcileRunEntity::getStatus, decision.name())
                .set(ReconcileRunEntity::getDeleted, deleted)
                .set(ReconcileRunEntity::getDeletionsPending, 0)
                .set(ReconcileRunEntity::getMessage, Excerpt.of(message, MAX_MESSAGE))
                .eq(ReconcileRunEntity::getId, runId)
                .eq(ReconcileRunEntity::getStatus, RunStatus.AWAITING_CONFIRMATION.name())) == 1;
    }

    Optional<ReconcileRunEntity> find(long id) {
        return Optional.ofNullable(mapper.selectById(id));
    }

    Optional<ReconcileRunView> view(long id) {
        return find(id).map(this::toView);
    }

    /** Newest first. */
    PageResponse<ReconcileRunView> list(String corpId, long page, long size) {
        Page<ReconcileRunEntity> rows = mapper.selectPage(new Page<>(page, size), new LambdaQueryWrapper<ReconcileRunEntity>()
                .eq(corpId != null, ReconcileRunEntity::getCorpId, corpId)
                .orderByDesc(ReconcileRunEntity::getId));
        return new PageResponse<>(page, size, rows.getTotal(), rows.getRecords().stream().map(this::toView).toList());
    }

    long newestRealRun(String corpId) {
        Long id = mapper.newestRealRun(corpId);
        return id == null ? 0 : id;
    }

    boolean everLoaded(String corpId) {
        return mapper.everLoaded(corpId);
    }

    ReconcileRunView toView(ReconcileRunEntity row) {
        return new ReconcileRunView(row.getId(), row.getCorpId(), row.getTriggerType(), Boolean.TRUE.equals(row.getDryRun()),
                row.getStatus(), row.getPhase(), row.getRequestedBy(), row.getStartedAt(), row.getHeartbeatAt(),
                row.getFinishedAt(),
                new ReconcileRunView.Counts(row.getUsersRead(), row.getDepartmentsRead(), row.getTagsRead(), row.getCreated(),
                        row.getUpdated(), row.getDeleted(), row.getUnchanged(), row.getFailed(), row.getUnreadable(),
                        row.getDeletionsPending()),
                read(row.getWecomErrors(), ERRORS, Map.of()), read(row.getSamples(), SAMPLES, Map.of()), row.getMessage());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a run record field", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type, T empty) {
        if (value == null || value.isBlank()) {
            return empty;
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored run record field is not valid JSON", e);
        }
    }
}

package io.wecomsync.wx.reconcile;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.mdm.TagMembersResponse;
import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import io.wecomsync.wx.directory.DirectoryProperties;
import io.wecomsync.wx.directory.DirectorySettings;
import io.wecomsync.wx.inbox.Inbox;
import io.wecomsync.wx.notify.AdminNotices;
import io.wecomsync.wx.notify.NoticeKind;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs reconciliations: reads a corp's directory from WeCom, compares it with mdm-service's compact
 * listings and stores only the differences as inbox events (source {@code RECONCILE}), applied by the
 * same handlers and in the same per-entity order as callbacks. Deletions are guarded: none when any
 * WeCom read failed; held for an operator when more than the deletion guard allows.
 */
@Service
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final WxApps apps;
    private final ReconcileSettings settings;
    private final ReconcileRuns runs;
    private final WeComDirectoryReader wecom;
    private final MdmDirectory mdm;
    private final Inbox inbox;
    private final ReconcileMetrics metrics;
    private final DirectorySettings directorySettings;
    private final AdminNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService background;

    Reconciler(WxApps apps, ReconcileSettings settings, ReconcileRuns runs, WeComDirectoryReader wecom, MdmDirectory mdm,
               Inbox inbox, ReconcileMetrics metrics, DirectorySettings directorySettings, AdminNotices notices,
               PlatformTransactionManager transactions, Clock clock) {
        this.notices = notices;
        this.directorySettings = directorySettings;
        this.apps = apps;
        this.settings = settings;
        this.runs = runs;
        this.wecom = wecom;
        this.mdm = mdm;
        this.inbox = inbox;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        AtomicInteger number = new AtomicInteger();
        this.background = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "reconcile-run-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The corps that can be reconciled: those with a reader app. */
    List<String> corps() {
        return apps.all().stream().map(WxApp::corpId).distinct().filter(corp -> apps.readerOf(corp).isPresent()).sorted().toList();
    }

    /**
     * Starts a run in the background and answers its record as it starts. Throws {@link ApiException}
     * for an unknown corp or one without a reader app, {@link RunAlreadyRunningException} when a run of
     * the corp is running anywhere in the cluster.
     */
    public ReconcileRunView start(String corpId, RunTrigger trigger, boolean dryRun, String requestedBy) {
        WxApp reader = readerOf(corpId);
        ReconcileProperties current = settings.current();
        ReconcileRunEntity run = runs.begin(corpId, trigger, dryRun, requestedBy, current.staleAfter());
        metrics.started();
        try {
            background.execute(() -> execute(run, reader, current));
        } catch (RuntimeException e) {
            execute(run, reader, current);
        }
        return runs.toView(run);
    }

    /** Runs on the calling thread (the scheduled job) and answers the finished run. */
    ReconcileRunView run(String corpId, RunTrigger trigger, String requestedBy) {
        WxApp reader = readerOf(corpId);
        ReconcileProperties current = settings.current();
        ReconcileRunEntity run = runs.begin(corpId, trigger, false, requestedBy, current.staleAfter());
        metrics.started();
        execute(run, reader, current);
        return runs.view(run.getId()).orElseThrow();
    }

    private WxApp readerOf(String corpId) {
        if (apps.all().stream().noneMatch(app -> app.corpId().equals(corpId))) {
            throw new ApiException(ErrorCode.NOT_FOUND, "corp " + corpId + " is not configured (wx.cp.application)");
        }
        return apps.readerOf(corpId).orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "corp " + corpId
                + " has no readerAgentId: reconciliation needs an app that may read the directory"));
    }

    private void execute(ReconcileRunEntity run, WxApp reader, ReconcileProperties current) {
        String corpId = run.getCorpId();
        RunProgress progress = new RunProgress(run.getId(), runs::progress);
        Instant started = clock.instant();
        ReconcileRuns.Outcome outcome;
        try {
            boolean dryRun = Boolean.TRUE.equals(run.getDryRun());
            DirectoryProperties.Corp corp = directorySettings.corp(corpId);
            ReconcileEvents events = new ReconcileEvents(corpId, run.getId(), run.getStartedAt());
            EventChunks stored = new EventChunks(inbox, current.chunkSize());
            ReconcilePlanner planner = new ReconcilePlanner(events, corp, current.sampleSize(), mdm.departments(corpId),
                    mdm.users(corpId), dryRun ? event -> { } : stored);
            compare(reader, current, progress, corp.scope(), planner);
            stored.flush();
            ReconcilePlan plan = planner.plan();
            outcome = dryRun ? planned(plan, progress) : store(run, plan, events, progress, current);
        } catch (RuntimeException e) {
            log.warn("reconciliation run {} of corp {} failed: {}", run.getId(), corpId, e.toString());
            outcome = ReconcileRuns.Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        finish(run, progress, outcome);
        notify(run, outcome);
        metrics.finished(corpId, run.getTriggerType(), Boolean.TRUE.equals(run.getDryRun()), outcome.status(),
                Duration.between(started, clock.instant()), progress.errors());
        log.info("reconciliation run {} of corp {} ended {}: created={} updated={} deleted={} unchanged={} pending deletions={} "
                        + "failed reads={} unreadable={}", run.getId(), corpId, outcome.status(), outcome.created(), outcome.updated(),
                outcome.deleted(), outcome.unchanged(), outcome.deletionsPending(), progress.failed(), progress.unreadableCount());
    }

    /**
     * Reads WeCom and hands what the corp syncs to the planner as it comes: departments, then users one by
     * one (whose differences are stored while the reading goes on), then tags.
     */
    private void compare(WxApp reader, ReconcileProperties current, RunProgress progress, DirectoryProperties.Scope scope,
                         ReconcilePlanner planner) {
        String corpId = reader.corpId();
        try (WeComDirectoryReader.Reading read = wecom.open(reader, current, progress)) {
            WeComDirectory.Departments departments = read.departments();
            planner.departments(departments.within(scope));
            boolean usersListed = read.users(departments, user -> {
                if (departments.inScope(scope, user.departments())) {
                    planner.user(user);
                }
            });
            planner.usersEnded(departments.usersProveAbsence(scope, usersListed));
            WeComDirectory.Tags tags = read.tags();
            progress.phase(RunPhase.COMPARING);
            Map<Long, Optional<TagMembersResponse>> held = new LinkedHashMap<>();
            tags.all().stream().filter(tag -> tag.members().found()).forEach(tag -> held.put(tag.id(), mdm.tag(corpId, tag.id())));
            planner.tags(tags, held, mdm.tags(corpId));
        }
    }

    /** Ends the run's record and stores its operation-log report together: a run seen ended has its report on the way. */
    private void finish(ReconcileRunEntity run, RunProgress progress, ReconcileRuns.Outcome outcome) {
        try {
            transaction.executeWithoutResult(status -> {
                if (!runs.finish(progress, outcome)) {
                    log.warn("reconciliation run {} of corp {} ended after it was given up as abandoned", run.getId(), run.getCorpId());
                    return;
                }
                if (Boolean.FALSE.equals(run.getDryRun())) {
                    runs.supersedeOlder(run.getCorpId(), run.getId());
                }
                inbox.store(ReconcileReportHandler.event(run.getCorpId(), run.getId(), outcome.status(), clock.instant()));
            });
        } catch (RuntimeException e) {
            // the database is gone: the run stays RUNNING until its heartbeat is found stale
            log.error("reconciliation run {} of corp {} could not record its end: {}", run.getId(), run.getCorpId(), e.toString());
        }
    }

    /** Tells the admins about a run that needs them: deletions held for confirmation, or a failure. */
    private void notify(ReconcileRunEntity run, ReconcileRuns.Outcome outcome) {
        String subject = run.getCorpId() + ":" + run.getId();
        if (outcome.status() == RunStatus.AWAITING_CONFIRMATION) {
            notices.raise(NoticeKind.DELETIONS_AWAITING_CONFIRMATION, subject, run.getCorpId(),
                    "同步 #" + run.getId() + " 将删除 " + outcome.deletionsPending() + " 项，超出保护阈值，等待确认");
        } else if (outcome.status() == RunStatus.FAILED) {
            notices.raise(NoticeKind.RECONCILE_FAILED, subject, run.getCorpId(), "同步 #" + run.getId() + " 未能完成");
        }
    }

    /** A dry run: the plan's counts and samples, nothing stored. */
    private static ReconcileRuns.Outcome planned(ReconcilePlan plan, RunProgress progress) {
        String message = "dry run: nothing was stored" + (progress.failed() > 0 ? "; " + progress.failed()
                + " WeCom reads failed, so a real run would delete nothing" : "");
        return new ReconcileRuns.Outcome(progress.failed() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED, plan.created(),
                plan.updated(), plan.deletions().size(), plan.unchanged(), 0, plan.samples(), message);
    }

    private ReconcileRuns.Outcome store(ReconcileRunEntity run, ReconcilePlan plan, ReconcileEvents events,
                                        RunProgress progress, ReconcileProperties current) {
        progress.phase(RunPhase.STORING_EVENTS);
        metrics.changes(run.getCorpId(), "create", plan.created());
        metrics.changes(run.getCorpId(), "update", plan.updated());
        List<ReconcilePlan.Deletion> deletions = plan.deletions();
        if (progress.failed() > 0) {
            return outcome(RunStatus.PARTIAL, plan, 0, 0, progress.failed() + " WeCom reads failed: "
                    + (deletions.isEmpty() ? "nothing" : deletions.size() + " deletions") + " left undone until a complete run");
        }
        if (deletions.isEmpty()) {
            return outcome(RunStatus.SUCCEEDED, plan, 0, 0, null);
        }
        ReconcileProperties.DeletionGuard guard = current.deletionGuard();
        long users = plan.deletions(ReconcilePlan.Kind.USER);
        long departments = plan.deletions(ReconcilePlan.Kind.DEPARTMENT);
        long tags = plan.deletions(ReconcilePlan.Kind.TAG);
        if (guard.needsConfirmation((int) users, plan.activeUsers())
                || guard.needsConfirmation((int) departments, plan.activeDepartments())
                || guard.needsConfirmation((int) tags, plan.activeTags())) {
            for (ReconcilePlan.Kind kind : ReconcilePlan.Kind.values()) {
                runs.holdDeletions(run.getId(), kind, deletions.stream().filter(d -> d.kind() == kind).map(ReconcilePlan.Deletion::id).toList());
            }
            return outcome(RunStatus.AWAITING_CONFIRMATION, plan, 0, deletions.size(), users + " of " + plan.activeUsers()
                    + " users, " + departments + " of " + plan.activeDepartments() + " departments and " + tags + " of "
                    + plan.activeTags() + " tags would be deleted: more than the deletion guard allows; confirm or reject the run");
        }
        inbox.storeAll(events.deletions(deletions), current.chunkSize());
        metrics.changes(run.getCorpId(), "delete", deletions.size());
        return outcome(RunStatus.SUCCEEDED, plan, deletions.size(), 0, null);
    }

    private static ReconcileRuns.Outcome outcome(RunStatus status, ReconcilePlan plan, int deleted, int pending, String message) {
        return new ReconcileRuns.Outcome(status, plan.created(), plan.updated(), deleted, plan.unchanged(), pending,
                plan.samples(), message);
    }
}

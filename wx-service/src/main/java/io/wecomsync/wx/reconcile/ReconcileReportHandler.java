package io.wecomsync.wx.reconcile;

import io.wecomsync.common.mdm.ReconcileRunReport;
import io.wecomsync.common.text.Excerpt;
import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.inbox.InboxEventHandler;
import io.wecomsync.wx.inbox.InternalEvents;
import io.wecomsync.wx.mdm.MdmCalls;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts each run's outcome in mdm-service's operation log. The report travels as an inbox event of its
 * own, so an unreachable mdm-service delays the log entry but never loses it.
 */
@Component
class ReconcileReportHandler implements InboxEventHandler {

    static final String EVENT_TYPE = "reconcile_report";

    private final ReconcileRuns runs;
    private final MdmCalls mdm;

    ReconcileReportHandler(ReconcileRuns runs, MdmCalls mdm) {
        this.runs = runs;
        this.mdm = mdm;
    }

    /** The event that asks for a report of run {@code runId} having reached {@code status}. */
    static InboundEvent event(String corpId, long runId, RunStatus status, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("RunId", String.valueOf(runId));
        fields.put("Status", status.name());
        return InternalEvents.of(corpId, EVENT_TYPE, "reconcile:" + corpId + ":" + runId, now, fields);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EVENT_TYPE);
    }

    @Override
    public HandlerOutcome handle(InboxEvent event) {
        Map<String, String> fields = InternalEvents.fields(event);
        String runId = fields.get("RunId");
        String status = fields.get("Status");
        if (runId == null || !runId.matches("\\d{1,18}") || status == null) {
            return new HandlerOutcome.Dead("reconcile_report without RunId and Status");
        }
        Optional<ReconcileRunView> found = runs.view(Long.parseLong(runId));
        if (found.isEmpty()) {
            return new HandlerOutcome.Dead("no reconciliation run " + runId);
        }
        ReconcileRunView run = found.get();
        ReconcileRunView.Counts counts = run.counts();
        ReconcileRunReport report = new ReconcileRunReport(run.corpId(), run.id(), run.trigger(), status, run.dryRun(),
                run.startedAt(), run.finishedAt(), counts.created(), counts.updated(), counts.deleted(), counts.unchanged(),
                counts.failed(), counts.unreadable(), Excerpt.of(run.message(), 400));
        mdm.call("record reconciliation run", api -> api.recordReconcileRun(report));
        return HandlerOutcome.done();
    }
}

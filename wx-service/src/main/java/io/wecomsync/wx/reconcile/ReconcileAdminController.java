package io.wecomsync.wx.reconcile;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.OperatorAction;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.mdm.WxIds;
import io.wecomsync.wx.audit.OperatorActions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reconciliation for operators: start a run (or a dry run), follow runs, and confirm or reject the
 * deletions a run holds back. Through the gateway these are under {@code /api/wx/reconcile/…}. Starting and
 * deciding go to the operation log with the operator's id.
 */
@RestController
@RequestMapping("/admin/reconcile/runs")
class ReconcileAdminController {

    private static final int SHOWN = 1000;

    private final Reconciler reconciler;
    private final DeletionDecisions decisions;
    private final ReconcileRuns runs;
    private final OperatorActions actions;

    ReconcileAdminController(Reconciler reconciler, DeletionDecisions decisions, ReconcileRuns runs,
                             OperatorActions actions) {
        this.reconciler = reconciler;
        this.decisions = decisions;
        this.runs = runs;
        this.actions = actions;
    }

    /** Starts a run of the corp; 202 with the run as it starts, 409 when one is already running. */
    @PostMapping
    ResponseEntity<Result<ReconcileRunView>> start(@RequestParam String corpId,
                                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                                   Principal operator) {
        if (!corpId.matches(WxIds.CORP_ID)) {
            throw ApiException.invalid("corpId must be 1 to 64 letters, digits, '_' or '-', got '" + corpId + "'");
        }
        try {
            ReconcileRunView run = reconciler.start(corpId, RunTrigger.MANUAL, dryRun, name(operator));
            actions.record(operator, OperatorAction.RECONCILE_START, corpId, String.valueOf(run.id()),
                    dryRun ? "dry run" : "run");
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Result.ok(run));
        } catch (RunAlreadyRunningException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
        }
    }

    /** Newest first, optionally of one corp. */
    @GetMapping
    Result<PageResponse<ReconcileRunView>> list(@RequestParam(required = false) String corpId,
                                                @RequestParam(defaultValue = "1") long page,
                                                @RequestParam(defaultValue = "20") long size) {
        if (page < 1 || size < 1 || size > 200) {
            throw ApiException.invalid("page must be 1 or more and size between 1 and 200");
        }
        return Result.ok(runs.list(corpId == null || corpId.isBlank() ? null : corpId, page, size));
    }

    @GetMapping("/{id}")
    Result<ReconcileRunView> get(@PathVariable long id) {
        return Result.ok(runs.view(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no reconciliation run " + id)));
    }

    /**
     * The deletions a run held back for confirmation, by kind ({@code users}: WeCom userids, {@code departments}
     * and {@code tags}: ids), kept after the decision. At most {@value #SHOWN} of each kind are listed.
     */
    @GetMapping("/{id}/deletions")
    Result<Map<String, HeldDeletions>> deletions(@PathVariable long id) {
        runs.view(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no reconciliation run " + id));
        Map<String, HeldDeletions> held = new LinkedHashMap<>();
        for (ReconcilePlan.Kind kind : ReconcilePlan.Kind.values()) {
            List<String> ids = runs.heldDeletions(id, kind);
            held.put(kind.name().toLowerCase(Locale.ROOT) + "s",
                    new HeldDeletions(ids.size(), ids.subList(0, Math.min(SHOWN, ids.size()))));
        }
        return Result.ok(held);
    }

    /** @param total how many are held; {@code ids} lists the first of them */
    record HeldDeletions(int total, List<String> ids) {
    }

    /** Stores the deletions a run AWAITING_CONFIRMATION holds; 409 for any other run. */
    @PostMapping("/{id}/confirm")
    Result<ReconcileRunView> confirm(@PathVariable long id, Principal operator) {
        return Result.ok(actions.perform(operator, OperatorAction.RECONCILE_CONFIRM, corpOf(id), String.valueOf(id),
                () -> decisions.confirm(id, name(operator)), run -> run.counts().deleted() + " deletions confirmed"));
    }

    /** Drops the deletions a run AWAITING_CONFIRMATION holds; 409 for any other run. */
    @PostMapping("/{id}/reject")
    Result<ReconcileRunView> reject(@PathVariable long id, Principal operator) {
        return Result.ok(actions.perform(operator, OperatorAction.RECONCILE_REJECT, corpOf(id), String.valueOf(id),
                () -> decisions.reject(id, name(operator)), run -> "deletions rejected"));
    }

    private String corpOf(long id) {
        return runs.view(id).map(ReconcileRunView::corpId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no reconciliation run " + id));
    }

    private static String name(Principal operator) {
        String name = operator == null ? "unknown" : operator.getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}

package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Where wx-service reports each reconciliation run, so the operation log has one entry per run. Part of {@link MdmApi}. */
public interface ReconcileLogApi {

    @PostMapping("/oper-logs/reconcile-runs")
    Result<Void> recordReconcileRun(@Valid @RequestBody ReconcileRunReport report);
}

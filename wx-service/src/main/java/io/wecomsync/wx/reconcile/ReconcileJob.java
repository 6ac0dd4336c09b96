package io.wecomsync.wx.reconcile;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The scheduled reconciliation: each corp with a reader app in turn, on one instance of the cluster
 * (Quartz's clustered JDBC store fires it once; the run lock keeps a manual run and this one apart).
 */
@DisallowConcurrentExecution
public class ReconcileJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ReconcileJob.class);

    private final Reconciler reconciler;

    public ReconcileJob(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (String corpId : reconciler.corps()) {
            try {
                reconciler.run(corpId, RunTrigger.SCHEDULE, "schedule");
            } catch (RunAlreadyRunningException e) {
                log.info("scheduled reconciliation of corp {} skipped: {}", corpId, e.getMessage());
            } catch (RuntimeException e) {
                log.error("scheduled reconciliation of corp {} could not start: {}", corpId, e.toString());
            }
        }
    }
}

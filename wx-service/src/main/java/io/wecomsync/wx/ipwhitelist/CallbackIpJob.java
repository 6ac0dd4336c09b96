package io.wecomsync.wx.ipwhitelist;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The Quartz job: one run of {@link CallbackIpRefresh}, never two at once in the cluster. */
@DisallowConcurrentExecution
public class CallbackIpJob extends QuartzJobBean {

    private final CallbackIpRefresh refresh;

    public CallbackIpJob(CallbackIpRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        refresh.run();
    }
}

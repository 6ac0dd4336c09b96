package io.wecomsync.wx.notify;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The Quartz job: one round of {@link AdminNoticeSender}, never two at once in the cluster. */
@DisallowConcurrentExecution
public class AdminNoticeJob extends QuartzJobBean {

    private final AdminNoticeSender sender;

    public AdminNoticeJob(AdminNoticeSender sender) {
        this.sender = sender;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        sender.run();
    }
}

package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Where wx-service reports each message it sent to the WeCom admins, so the operation log shows it. Part of {@link MdmApi}. */
public interface NoticeLogApi {

    @PostMapping("/oper-logs/admin-notices")
    Result<Void> recordAdminNotice(@Valid @RequestBody AdminNoticeReport report);
}

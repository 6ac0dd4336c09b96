package io.wecomsync.common.mdm;

import io.wecomsync.common.api.Result;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Pushing a user on to the CRM. Part of {@link MdmApi}. */
public interface CrmApi {

    /** Pushes the user's current data to the CRM; 502 when the CRM failed (the attempt is recorded). */
    @PostMapping("/users/{userId}/crm-sync")
    Result<CrmSyncResponse> pushUserToCrm(@PathVariable("userId") String userId);
}

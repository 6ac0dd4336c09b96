package io.wecomsync.common.mdm;

import java.time.Instant;

/** The record of one CRM push attempt: SUCCESS, FAILED or SKIPPED (no CRM configured). */
public record CrmSyncResponse(
        long attemptId,
        String userId,
        String status,
        Integer httpStatus,
        String idempotencyKey,
        String detail,
        Instant attemptedAt) {
}

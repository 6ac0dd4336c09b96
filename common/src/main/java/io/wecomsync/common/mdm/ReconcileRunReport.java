package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of {@code POST /oper-logs/reconcile-runs}: how one of wx-service's directory reconciliations
 * ended, for the operation log. Sending the same run and status twice records it once.
 */
public record ReconcileRunReport(
        @NotBlank @Pattern(regexp = WxIds.CORP_ID) String corpId,
        @NotNull @Positive Long runId,
        @NotBlank @Size(max = 24) String trigger,
        @NotBlank @Size(max = 32) String status,
        boolean dryRun,
        @NotNull Instant startedAt,
        Instant finishedAt,
        @NotNull @PositiveOrZero Integer created,
        @NotNull @PositiveOrZero Integer updated,
        @NotNull @PositiveOrZero Integer deleted,
        @NotNull @PositiveOrZero Integer unchanged,
        @NotNull @PositiveOrZero Integer failed,
        @NotNull @PositiveOrZero Integer unreadable,
        @Size(max = 400) String message) {
}

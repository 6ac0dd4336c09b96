package io.wecomsync.wx.reconcile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code wx.reconcile.*}: the full sync of each corp's directory from WeCom. Read at the start of each
 * run, so a change (e.g. through Nacos) applies from the next run; {@code cron} reschedules at once.
 *
 * @param cron                 when the scheduled run starts (Quartz cron; once per cluster)
 * @param initialLoadWhenEmpty run at start-up for a corp whose mdm-service data is empty and that was never loaded
 * @param userListByDepartment read users with {@code user/list} per department where WeCom permits it
 *                             (one call per department); otherwise, or when refused, {@code user/list_id} + {@code user/get}
 * @param concurrency          WeCom reads in flight per run
 * @param ratePerMinute        WeCom calls per minute per API and corp (WeCom allows 10,000); 0 = no limit
 * @param busyRetries          how often a read answered "busy" (45009, 45033, 45011) or unreachable is tried again
 * @param busyBackoff          how long that API is paused for the run after such an answer (WeCom asks ≥ 60 s)
 * @param deletionGuard        when deletions wait for an operator
 * @param staleAfter           a running run not heard from for this long is taken as dead (its instance stopped)
 * @param sampleSize           ids kept per kind of change in the run record
 * @param chunkSize            events stored per INSERT
 */
@Validated
@ConfigurationProperties("wx.reconcile")
public record ReconcileProperties(
        @NotBlank @DefaultValue("0 30 2 * * ?") String cron,
        @DefaultValue("true") boolean initialLoadWhenEmpty,
        @DefaultValue("true") boolean userListByDepartment,
        @Min(1) @Max(64) @DefaultValue("8") int concurrency,
        @Min(0) @Max(100_000) @DefaultValue("6000") int ratePerMinute,
        @Min(0) @Max(20) @DefaultValue("3") int busyRetries,
        @NotNull @DefaultValue("60s") Duration busyBackoff,
        @Valid @NotNull @DefaultValue DeletionGuard deletionGuard,
        @NotNull @DefaultValue("10m") Duration staleAfter,
        @Min(0) @Max(200) @DefaultValue("20") int sampleSize,
        @Min(1) @Max(5000) @DefaultValue("500") int chunkSize) {

    /**
     * Deletions of users (or departments) wait for an operator's confirmation when there are more than
     * {@code maxCount} of them, or more than {@code maxPercent} % of the active ones in mdm-service —
     * unless there are no more than {@code alwaysAllowed} (a leaver or two in a small corp is normal).
     */
    public record DeletionGuard(
            @Min(0) @DefaultValue("3") int alwaysAllowed,
            @Min(0) @Max(100) @DefaultValue("10") int maxPercent,
            @Min(0) @DefaultValue("1000") int maxCount) {

        /** Whether deleting {@code deletions} of {@code active} entries needs confirmation. */
        boolean needsConfirmation(int deletions, int active) {
            if (deletions <= alwaysAllowed) {
                return false;
            }
            return deletions > maxCount || (long) deletions * 100 > (long) maxPercent * active;
        }
    }
}

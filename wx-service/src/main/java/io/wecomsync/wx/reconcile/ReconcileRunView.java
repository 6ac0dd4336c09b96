package io.wecomsync.wx.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the admin API shows it. Counts of a dry run are what it would have done.
 *
 * @param wecomErrors WeCom error code → how often it was answered ({@code unreachable}: no answer)
 * @param samples     kind of change (e.g. {@code create.users}, {@code delete.departments}) → some of the ids
 */
public record ReconcileRunView(long id, String corpId, String trigger, boolean dryRun, String status, String phase,
                               String requestedBy, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
                               Counts counts, Map<String, Integer> wecomErrors, Map<String, List<String>> samples,
                               String message) {

    /**
     * @param failed     WeCom reads that failed after every retry (any failure means no deletions)
     * @param unreadable entries whose details WeCom refused; their fields stay unknown
     */
    public record Counts(int usersRead, int departmentsRead, int tagsRead, int created, int updated, int deleted,
                         int unchanged, int failed, int unreadable, int deletionsPending) {
    }
}

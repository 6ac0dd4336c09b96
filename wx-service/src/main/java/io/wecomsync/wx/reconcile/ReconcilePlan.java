package io.wecomsync.wx.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What a run found different: the deletions (held back by the guards until allowed), counts, and a sample
 * of ids per kind of change for the run record. The create and update events were handed on as they were
 * planned ({@link ReconcilePlanner}).
 *
 * @param activeUsers       users mdm-service holds that are not deleted (what the deletion guard compares with)
 * @param activeDepartments the same for departments
 */
record ReconcilePlan(List<Deletion> deletions, int created, int updated, int unchanged,
                     int activeUsers, int activeDepartments, int activeTags, Map<String, List<String>> samples) {

    /** A user, department or tag mdm-service holds that WeCom no longer lists. */
    record Deletion(Kind kind, String id) {
    }

    enum Kind {
        USER,
        DEPARTMENT,
        TAG
    }

    long deletions(Kind kind) {
        return deletions.stream().filter(d -> d.kind() == kind).count();
    }
}

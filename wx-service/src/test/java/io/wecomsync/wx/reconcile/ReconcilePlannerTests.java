package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.common.mdm.UserDigest;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.xml.SafeXml;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** WeCom userids compare without case: a case-only difference is one person renamed, never a create plus a delete. */
class ReconcilePlannerTests {

    private static final Instant START = Instant.parse("2026-12-01T02:30:00Z");

    @Test
    void aUserWhoseIdDiffersOnlyInCaseIsRenamedNotCreatedAndDeleted() {
        WeComSnapshot wecom = new WeComSnapshot(true, Map.of(), true,
                Map.of("zhang", new WeComSnapshot.User("zhang", List.of(1L), WeComRead.unreadable("48009"))),
                true, List.of());
        Map<String, UserDigest> mdm = Map.of("Zhang", new UserDigest("Zhang", "1001", "fp", START.minusSeconds(3600), false));

        ReconcilePlan plan = new ReconcilePlanner(new ReconcileEvents("corp", 7, START), 5)
                .plan(wecom, Map.of(), mdm, Map.of());

        assertThat(plan.deletions()).as("the same person is still in WeCom").isEmpty();
        assertThat(plan.created()).isZero();
        assertThat(plan.upserts()).hasSize(1);
        InboundEvent rename = plan.upserts().get(0);
        assertThat(rename.changeType()).isEqualTo("update_user");
        Map<String, String> fields = SafeXml.parseFlat(rename.payload());
        assertThat(fields).containsEntry("UserID", "Zhang").containsEntry("NewUserID", "zhang");
    }

    @Test
    void theSameIdInAnotherCaseIsNeitherDeletedNorCreatedTwice() {
        WeComSnapshot wecom = new WeComSnapshot(true, Map.of(), true,
                Map.of("Li", new WeComSnapshot.User("Li", List.of(1L), WeComRead.unreadable("48009"))), true, List.of());
        Map<String, UserDigest> mdm = Map.of("Li", new UserDigest("Li", "1002", "fp", START.minusSeconds(3600), false));

        ReconcilePlan plan = new ReconcilePlanner(new ReconcileEvents("corp", 8, START), 5).plan(wecom, Map.of(), mdm, Map.of());

        assertThat(plan.deletions()).isEmpty();
        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }
}

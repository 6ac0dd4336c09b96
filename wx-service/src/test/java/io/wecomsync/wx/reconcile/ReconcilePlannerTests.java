package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.common.mdm.TagSummary;
import io.wecomsync.common.mdm.UserDigest;
import io.wecomsync.wx.contact.DirectoryMessages;
import io.wecomsync.wx.directory.DirectoryProperties;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.xml.SafeXml;
import me.chanjar.weixin.cp.bean.WxCpUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** WeCom userids compare without case: a case-only difference is one person renamed, never a create plus a delete. */
class ReconcilePlannerTests {

    private static final Instant START = Instant.parse("2026-12-01T02:30:00Z");
    private static final DirectoryProperties.Corp NO_MAPPING = new DirectoryProperties.Corp(null, Map.of(), null);

    @Test
    void aUserWhoseIdDiffersOnlyInCaseIsRenamedNotCreatedAndDeleted() {
        WeComSnapshot wecom = new WeComSnapshot(true, Map.of(), true,
                Map.of("zhang", new WeComSnapshot.User("zhang", List.of(1L), WeComRead.unreadable("48009"))),
                true, List.of());
        Map<String, UserDigest> mdm = Map.of("Zhang", new UserDigest("Zhang", "1001", "fp", START.minusSeconds(3600), false));

        ReconcilePlan plan = new ReconcilePlanner(new ReconcileEvents("corp", 7, START), NO_MAPPING, 5)
                .plan(wecom, Map.of(), mdm, Map.of(), List.of());

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

        ReconcilePlan plan = new ReconcilePlanner(new ReconcileEvents("corp", 8, START), NO_MAPPING, 5).plan(wecom, Map.of(), mdm, Map.of(), List.of());

        assertThat(plan.deletions()).isEmpty();
        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void customAttributesWeComHoldsAreRepairedAndAMappingChangeCountsAsDrift() {
        WxCpUser details = new WxCpUser();
        details.setUserId("wang");
        details.setName("王五");
        details.addExtAttr(WxCpUser.Attr.builder().type(0).name("工号").textValue("E-9").build());
        details.addExtAttr(WxCpUser.Attr.builder().type(1).name("主页").webTitle("主页").webUrl("https://w.example").build());
        WeComSnapshot wecom = new WeComSnapshot(true, Map.of(), true,
                Map.of("wang", new WeComSnapshot.User("wang", List.of(), WeComRead.found(details))), true, List.of());
        DirectoryProperties.Corp mapping = new DirectoryProperties.Corp("工号", Map.of(), null);
        DirectoryMessages.UserEntry entry = DirectoryMessages.user(details);
        String heldWithoutAttributes = DirectoryMessages.userFingerprint(
                new DirectoryMessages.UserEntry(entry.fields(), null), NO_MAPPING);
        String heldUnmapped = DirectoryMessages.userFingerprint(entry, NO_MAPPING);
        String heldMapped = DirectoryMessages.userFingerprint(entry, mapping);

        ReconcilePlan repaired = plan(wecom, heldWithoutAttributes, NO_MAPPING);
        ReconcilePlan remapped = plan(wecom, heldUnmapped, mapping);
        ReconcilePlan same = plan(wecom, heldMapped, mapping);

        assertThat(repaired.updated()).isEqualTo(1);
        SafeXml.Element extAttr = SafeXml.parse(repaired.upserts().get(0).payload()).child("ExtAttr").orElseThrow();
        assertThat(extAttr.children()).hasSize(2);
        assertThat(remapped.updated()).as("the employee number is new to mdm-service").isEqualTo(1);
        assertThat(same.updated()).isZero();
        assertThat(same.unchanged()).isEqualTo(1);
    }

    @Test
    void aTagMdmHoldsThatWeComsFullListLacksIsDeletedButNotWhenTheListWasNotRead() {
        List<TagSummary> held = List.of(new TagSummary(7, "骨干"), new TagSummary(8, "旧"));
        WeComSnapshot listed = new WeComSnapshot(true, Map.of(), true, Map.of(), true,
                List.of(new WeComSnapshot.Tag(7, "骨干", WeComRead.unreadable("48009"))));
        WeComSnapshot notListed = new WeComSnapshot(true, Map.of(), true, Map.of(), false, List.of());

        ReconcilePlan plan = new ReconcilePlanner(new ReconcileEvents("corp", 10, START), NO_MAPPING, 5)
                .plan(listed, Map.of(), Map.of(), Map.of(), held);
        ReconcilePlan unknown = new ReconcilePlanner(new ReconcileEvents("corp", 11, START), NO_MAPPING, 5)
                .plan(notListed, Map.of(), Map.of(), Map.of(), held);

        assertThat(plan.deletions()).containsExactly(new ReconcilePlan.Deletion(ReconcilePlan.Kind.TAG, "8"));
        assertThat(plan.activeTags()).isEqualTo(2);
        assertThat(unknown.deletions()).isEmpty();
    }

    private static ReconcilePlan plan(WeComSnapshot wecom, String heldFingerprint, DirectoryProperties.Corp mapping) {
        Map<String, UserDigest> mdm = Map.of("wang", new UserDigest("wang", "1003", heldFingerprint, START.minusSeconds(60), false));
        return new ReconcilePlanner(new ReconcileEvents("corp", 9, START), mapping, 5).plan(wecom, Map.of(), mdm, Map.of(), List.of());
    }
}

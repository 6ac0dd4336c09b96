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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run plans from what it read: WeCom userids compare without case (a case-only difference is one
 * person renamed, never a create plus a delete); differences are handed on as each user is compared.
 */
class ReconcilePlannerTests {

    private static final Instant START = Instant.parse("2026-12-01T02:30:00Z");
    private static final DirectoryProperties.Corp NO_MAPPING = new DirectoryProperties.Corp(null, Map.of(), null);

    private final List<InboundEvent> upserts = new ArrayList<>();

    @Test
    void aUserWhoseIdDiffersOnlyInCaseIsRenamedNotCreatedAndDeleted() {
        Map<String, UserDigest> mdm = Map.of("Zhang", new UserDigest("Zhang", "1001", "fp", START.minusSeconds(3600), false));

        ReconcilePlan plan = users(7, NO_MAPPING, mdm, new WeComDirectory.User("zhang", List.of(1L), WeComRead.unreadable("48009")));

        assertThat(plan.deletions()).as("the same person is still in WeCom").isEmpty();
        assertThat(plan.created()).isZero();
        assertThat(upserts).hasSize(1);
        InboundEvent rename = upserts.get(0);
        assertThat(rename.changeType()).isEqualTo("update_user");
        Map<String, String> fields = SafeXml.parseFlat(rename.payload());
        assertThat(fields).containsEntry("UserID", "Zhang").containsEntry("NewUserID", "zhang");
    }

    @Test
    void theSameIdInAnotherCaseIsNeitherDeletedNorCreatedTwice() {
        Map<String, UserDigest> mdm = Map.of("Li", new UserDigest("Li", "1002", "fp", START.minusSeconds(3600), false));

        ReconcilePlan plan = users(8, NO_MAPPING, mdm, new WeComDirectory.User("Li", List.of(1L), WeComRead.unreadable("48009")));

        assertThat(plan.deletions()).isEmpty();
        assertThat(upserts).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void eachDifferenceIsHandedOnAsSoonAsItsUserIsComparedAndOnlyAbsentUsersAreDeletedAtTheEnd() {
        Map<String, UserDigest> mdm = Map.of(
                "kept", new UserDigest("kept", "1", "fp", START.minusSeconds(60), false),
                "gone", new UserDigest("gone", "2", "fp", START.minusSeconds(60), false),
                "left", new UserDigest("left", "3", "fp", START.minusSeconds(60), true));
        ReconcilePlanner planner = new ReconcilePlanner(new ReconcileEvents("corp", 12, START), NO_MAPPING, 5, Map.of(), mdm, upserts::add);

        planner.user(new WeComDirectory.User("new", List.of(1L), WeComRead.unreadable("48009")));
        assertThat(upserts).as("stored while the reading goes on").hasSize(1);
        planner.user(new WeComDirectory.User("kept", List.of(1L), WeComRead.unreadable("48009")));
        planner.user(new WeComDirectory.User("left", List.of(1L), WeComRead.unreadable("48009")));
        planner.usersEnded(true);
        ReconcilePlan plan = planner.plan();

        assertThat(upserts).extracting(InboundEvent::changeType).containsExactly("create_user", "create_user");
        assertThat(plan.created()).as("a user deleted in mdm-service is created again").isEqualTo(2);
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.deletions()).containsExactly(new ReconcilePlan.Deletion(ReconcilePlan.Kind.USER, "gone"));
        assertThat(plan.activeUsers()).isEqualTo(2);
    }

    @Test
    void aUserListNotReadInFullDeletesNobody() {
        Map<String, UserDigest> mdm = Map.of("gone", new UserDigest("gone", "2", "fp", START.minusSeconds(60), false));
        ReconcilePlanner planner = new ReconcilePlanner(new ReconcileEvents("corp", 13, START), NO_MAPPING, 5, Map.of(), mdm, upserts::add);

        planner.usersEnded(false);

        assertThat(planner.plan().deletions()).isEmpty();
    }

    @Test
    void customAttributesWeComHoldsAreRepairedAndAMappingChangeCountsAsDrift() {
        WxCpUser details = new WxCpUser();
        details.setUserId("wang");
        details.setName("王五");
        details.addExtAttr(WxCpUser.Attr.builder().type(0).name("工号").textValue("E-9").build());
        details.addExtAttr(WxCpUser.Attr.builder().type(1).name("主页").webTitle("主页").webUrl("https://w.example").build());
        WeComDirectory.User wang = new WeComDirectory.User("wang", List.of(), WeComRead.found(details));
        DirectoryProperties.Corp mapping = new DirectoryProperties.Corp("工号", Map.of(), null);
        DirectoryMessages.UserEntry entry = DirectoryMessages.user(details);
        String heldWithoutAttributes = DirectoryMessages.userFingerprint(
                new DirectoryMessages.UserEntry(entry.fields(), null), NO_MAPPING);
        String heldUnmapped = DirectoryMessages.userFingerprint(entry, NO_MAPPING);
        String heldMapped = DirectoryMessages.userFingerprint(entry, mapping);

        ReconcilePlan repaired = users(9, NO_MAPPING, held(heldWithoutAttributes), wang);
        SafeXml.Element extAttr = SafeXml.parse(upserts.get(0).payload()).child("ExtAttr").orElseThrow();
        ReconcilePlan remapped = users(9, mapping, held(heldUnmapped), wang);
        ReconcilePlan same = users(9, mapping, held(heldMapped), wang);

        assertThat(repaired.updated()).isEqualTo(1);
        assertThat(extAttr.children()).hasSize(2);
        assertThat(remapped.updated()).as("the employee number is new to mdm-service").isEqualTo(1);
        assertThat(same.updated()).isZero();
        assertThat(same.unchanged()).isEqualTo(1);
    }

    @Test
    void aTagMdmHoldsThatWeComsFullListLacksIsDeletedButNotWhenTheListWasNotRead() {
        List<TagSummary> held = List.of(new TagSummary(7, "骨干"), new TagSummary(8, "旧"));
        WeComDirectory.Tags listed = new WeComDirectory.Tags(true, List.of(new WeComDirectory.Tag(7, "骨干", WeComRead.unreadable("48009"))));
        WeComDirectory.Tags notListed = new WeComDirectory.Tags(false, List.of());

        ReconcilePlanner planner = new ReconcilePlanner(new ReconcileEvents("corp", 10, START), NO_MAPPING, 5, Map.of(), Map.of(), upserts::add);
        planner.tags(listed, Map.of(), held);
        ReconcilePlanner unknown = new ReconcilePlanner(new ReconcileEvents("corp", 11, START), NO_MAPPING, 5, Map.of(), Map.of(), upserts::add);
        unknown.tags(notListed, Map.of(), held);

        assertThat(planner.plan().deletions()).containsExactly(new ReconcilePlan.Deletion(ReconcilePlan.Kind.TAG, "8"));
        assertThat(planner.plan().activeTags()).isEqualTo(2);
        assertThat(unknown.plan().deletions()).isEmpty();
    }

    private static Map<String, UserDigest> held(String fingerprint) {
        return Map.of("wang", new UserDigest("wang", "1003", fingerprint, START.minusSeconds(60), false));
    }

    /** Plans a run whose user list (read in full) is {@code wecom}. */
    private ReconcilePlan users(long runId, DirectoryProperties.Corp mapping, Map<String, UserDigest> mdm, WeComDirectory.User... wecom) {
        ReconcilePlanner planner = new ReconcilePlanner(new ReconcileEvents("corp", runId, START), mapping, 5, Map.of(), mdm, upserts::add);
        for (WeComDirectory.User user : wecom) {
            planner.user(user);
        }
        planner.usersEnded(true);
        return planner.plan();
    }
}

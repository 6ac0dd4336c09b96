package io.wecomsync.wx.inbox;

import io.wecomsync.wx.WxIntegrationTest;
import io.wecomsync.wx.inbox.Inbox.StoreResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored inside a transaction (a run's end and its report, an operator's decision and its report)
 * belongs to that transaction: a report never outlives the change it reports, nor comes without it.
 */
class InboxInTransactionIntegrationTests extends WxIntegrationTest {

    @Autowired
    Inbox inbox;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventStoredInATransactionThatRollsBackIsNotStored() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(inbox.store(report("rolled-back"))).isEqualTo(StoreResult.STORED);
            status.setRollbackOnly();
        });

        assertThat(inboxCount()).as("the group commit's writers must not have committed it on their own").isZero();
    }

    @Test
    void anEventStoredInATransactionIsThereOnceItCommitsAndARedeliveryIsRecognized() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(inbox.store(report("kept"))).isEqualTo(StoreResult.STORED);
            assertThat(inbox.store(report("kept"))).isEqualTo(StoreResult.DUPLICATE);
        });

        assertThat(inboxCount()).isEqualTo(1);
    }

    private static InboundEvent report(String run) {
        return InternalEvents.of("wwtxcorp", "test_report", "report:" + run, Instant.parse("2026-12-08T01:00:00Z"),
                Map.of("Run", run));
    }
}

package io.wecomsync.wx.audit;

import io.wecomsync.common.mdm.OperatorAction;
import io.wecomsync.wx.inbox.Inbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records what an operator did, for mdm-service's operation log: the report is an inbox event, stored in
 * the same transaction as the action where the action is a local write ({@link #perform}), or right after
 * one that is not ({@link #record}: a run started in the background, a call to WeCom).
 */
@Service
public class OperatorActions {

    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OperatorActions(Inbox inbox, PlatformTransactionManager transactions, Clock clock) {
        this.inbox = inbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Does {@code work} and stores its report in one transaction: both happen or neither. */
    public <T> T perform(Principal operator, OperatorAction action, String corpId, String targetId, Supplier<T> work,
                         Function<T, String> detail) {
        return transaction.execute(status -> {
            T result = work.get();
            record(operator, action, corpId, targetId, detail.apply(result));
            return result;
        });
    }

    /** Stores the report of an action already done (in the caller's transaction, if there is one). */
    public void record(Principal operator, OperatorAction action, String corpId, String targetId, String detail) {
        inbox.storeAll(List.of(OperatorActionReportHandler.event(corpId, "op-" + UUID.randomUUID(), name(operator),
                action, targetId, detail, clock.instant())), 1);
    }

    /** The operator's id as the log keeps it: the token's subject, at most 64 characters. */
    static String name(Principal operator) {
        String name = operator == null || operator.getName() == null || operator.getName().isBlank()
                ? "unknown" : operator.getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}

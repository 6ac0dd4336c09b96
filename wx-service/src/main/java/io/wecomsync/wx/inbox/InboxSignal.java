package io.wecomsync.wx.inbox;

import io.wecomsync.common.concurrent.WakeSignal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this instance's worker when an event was stored, so it need not wait for its next poll. Inside a
 * transaction it wakes once that commits: woken earlier, the worker would find nothing and sleep a poll.
 */
@Component
class InboxSignal extends WakeSignal {

    @Override
    public void wake() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    InboxSignal.super.wake();
                }
            });
        } else {
            super.wake();
        }
    }
}

package io.wecomsync.mdm.outbox;

import io.wecomsync.common.concurrent.WakeSignal;
import org.springframework.stereotype.Component;

/** Wakes this instance's relay when a change was committed, so it need not wait for its next poll. */
@Component
class OutboxSignal extends WakeSignal {
}

package io.wecomsync.wx.inbox;

import io.wecomsync.common.concurrent.WakeSignal;
import org.springframework.stereotype.Component;

/** Wakes this instance's worker when an event was stored, so it need not wait for its next poll. */
@Component
class InboxSignal extends WakeSignal {
}

package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.inbox.Inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Stores a run's create and update events as they are planned, {@code chunk} rows to an INSERT; {@link #flush()} the rest. */
final class EventChunks implements Consumer<InboundEvent> {

    private final Inbox inbox;
    private final int chunk;
    private final List<InboundEvent> pending = new ArrayList<>();

    EventChunks(Inbox inbox, int chunk) {
        this.inbox = inbox;
        this.chunk = chunk;
    }

    @Override
    public void accept(InboundEvent event) {
        pending.add(event);
        if (pending.size() >= chunk) {
            flush();
        }
    }

    void flush() {
        if (!pending.isEmpty()) {
            inbox.storeAll(pending, chunk);
            pending.clear();
        }
    }
}

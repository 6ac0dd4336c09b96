package io.wecomsync.wx.inbox;

/** Applies one claimed event. Called by the worker, never concurrently for the same entity. */
public interface InboxEventHandler {

    HandlerOutcome handle(InboxEvent event);
}

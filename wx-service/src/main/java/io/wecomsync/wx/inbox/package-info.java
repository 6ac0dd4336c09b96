/**
 * The durable inbox: every received event is one row, stored before WeCom gets its answer, deduped by
 * content, and applied by {@link io.wecomsync.wx.inbox.InboxWorker} — per entity in order, with
 * leases, retries with backoff and DEAD after the last attempt. What applies an event is an
 * {@link io.wecomsync.wx.inbox.InboxEventHandler}; the inbox knows nothing of users or departments.
 */
package io.wecomsync.wx.inbox;

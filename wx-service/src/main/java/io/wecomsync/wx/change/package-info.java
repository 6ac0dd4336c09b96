/**
 * WeCom's change vocabulary, shared by everything that produces or applies contact events (callbacks,
 * reconciliation, the contact handlers): which change an event is ({@link io.wecomsync.wx.change.ChangeType})
 * and which entity it is about ({@link io.wecomsync.wx.change.EntityKey}, the key the inbox orders one
 * entity's events by). Plain values: depends on nothing of ours.
 */
package io.wecomsync.wx.change;

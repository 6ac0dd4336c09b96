/**
 * The inbox's admin API for operators (list, inspect, count, replay, skip), apart from the inbox itself
 * because its actions go to the operation log ({@link io.wecomsync.wx.audit}) and the inbox knows no feature.
 */
package io.wecomsync.wx.inboxadmin;

/**
 * Tells the WeCom admins, with an application message, when something needs them: events gone DEAD,
 * deletions held for confirmation, reconciliations that failed, callback-IP refreshes that failed.
 * Features raise notices ({@link io.wecomsync.wx.notify.AdminNotices}); a clustered job sends what is due
 * — one message per condition per interval, one summary when several are due — and each send is put in
 * mdm-service's operation log.
 */
package io.wecomsync.wx.notify;

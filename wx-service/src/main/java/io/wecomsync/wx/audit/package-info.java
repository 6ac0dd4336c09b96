/**
 * What operators do through the admin API (replay, skip, start or decide a reconciliation, refresh the
 * callback IPs) goes to mdm-service's operation log with the operator's id — the subject of the token
 * they called with. The report is stored in the inbox with the action, so it is never lost.
 */
package io.wecomsync.wx.audit;

/**
 * Reconciliation: the full sync of each corp's directory from WeCom — initial load, the scheduled
 * repair of drift, and on-demand runs — that stores only differences as inbox events, with guarded
 * deletions and run records.
 */
package io.wecomsync.wx.reconcile;

/**
 * What operators see at a glance, for the ops console's dashboard: events received and applied per
 * minute (counted by every instance into one table), the oldest unfinished event, the circuit breakers.
 */
package io.wecomsync.wx.status;

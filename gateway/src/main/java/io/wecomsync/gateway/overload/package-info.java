/**
 * Overload protection: callbacks beyond a live-tunable number in flight are refused at once with 503
 * instead of queueing inside the gateway.
 */
package io.wecomsync.gateway.overload;

/**
 * What the gateway's own filters share: the {@code Result} body for what they refuse, and matching
 * request paths against patterns that change at run time.
 */
package io.wecomsync.gateway.web;

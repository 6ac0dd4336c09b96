/**
 * Removes headers that claim an internal identity from every inbound request, so no caller can pose
 * as a service or a user behind the gateway.
 */
package io.wecomsync.gateway.headers;

/**
 * How large a request body a route lets through: {@code BodyLimit} in a route's filters.
 */
package io.wecomsync.gateway.body;

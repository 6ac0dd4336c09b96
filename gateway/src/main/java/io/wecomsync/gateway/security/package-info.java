/**
 * Who may pass the gateway: every path needs a valid JWT except those on {@code secure.ignore.urls}
 * (the seed's property, changeable at run time), and headers that claim an internal identity are
 * removed from every inbound request.
 */
package io.wecomsync.gateway.security;

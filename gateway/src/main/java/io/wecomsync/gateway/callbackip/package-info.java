/**
 * The callback path's source-IP check: only WeCom's callback IPs (mdm-service's login-IP list of type
 * {@code QYWX}, cached and refreshed) and configured extra CIDRs may reach wx-service's callback.
 */
package io.wecomsync.gateway.callbackip;

/**
 * The login-IP whitelist: one set of addresses/CIDRs per type (e.g. {@code QYWX}, WeCom's callback
 * IPs, which the gateway allows on the callback path). A set is replaced whole, atomically, with its
 * operation-log row. May call {@code oplog}.
 */
package io.wecomsync.mdm.loginip;

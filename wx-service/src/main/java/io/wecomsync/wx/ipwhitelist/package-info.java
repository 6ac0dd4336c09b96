/**
 * The WeCom callback IP whitelist (the seed's step 7): a clustered Quartz job reads WeCom's callback
 * IPs ({@code getcallbackip}) and replaces mdm-service's {@code QYWX} login-IP list, which the gateway
 * enforces. A failed or empty read keeps the previous list. May call {@code app} and {@code mdm}.
 */
package io.wecomsync.wx.ipwhitelist;

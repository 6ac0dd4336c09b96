/**
 * WeCom's callback endpoints: verify (timestamp window, constant-time signature), decrypt, parse,
 * store in the inbox, answer — nothing else. No mdm-service call, no WeCom API call, no Redis on
 * this path. Calls only {@code app} (to find the app) and {@code inbox} (to store).
 */
package io.wecomsync.wx.callback;

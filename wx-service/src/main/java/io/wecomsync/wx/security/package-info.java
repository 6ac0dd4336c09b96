/**
 * Who may call wx-service: the callback endpoints are open (WeCom signs them), the admin API needs a
 * JWT ({@code wx.read} to read, {@code admin} to act). Also mints wx-service's own short-lived token
 * for its calls to mdm-service, scoped to exactly what it calls.
 */
package io.wecomsync.wx.security;

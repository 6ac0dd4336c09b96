/**
 * wx-service's error style for its admin API: {@link io.wecomsync.wx.web.WxApiException} and the
 * advice that answers every failure as a {@code Result} with the real HTTP status.
 */
package io.wecomsync.wx.web;

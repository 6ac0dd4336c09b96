/**
 * wx-service's error style for its admin API: the shared
 * {@link io.wecomsync.common.web.ResultExceptionHandler}, answering every failure as a {@code Result}
 * with the real HTTP status.
 */
package io.wecomsync.wx.web;

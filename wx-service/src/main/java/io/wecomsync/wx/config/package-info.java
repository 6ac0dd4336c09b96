/**
 * Wiring that belongs to no single feature: the clock and MyBatis-Plus paging.
 */
package io.wecomsync.wx.config;

/**
 * Wiring that belongs to no single feature: the clock, MyBatis-Plus paging, settings ops change at run
 * time ({@link io.wecomsync.common.config.LiveProperties}) and Quartz cron triggers that follow them.
 */
package io.wecomsync.wx.config;

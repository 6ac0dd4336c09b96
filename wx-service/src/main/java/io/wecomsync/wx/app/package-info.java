/**
 * The WeCom apps wx-service serves ({@code wx.cp.application[]}, the seed's shape): validated at
 * start-up, one {@code WxCpService} bean per app with its access token shared through Redis, looked up
 * by agentId. Everything that talks to WeCom gets its app from {@link io.wecomsync.wx.app.WxApps}. The Redis
 * client for those tokens is built here too, from {@code spring.data.redis.*} ({@code RedissonConfiguration}).
 */
package io.wecomsync.wx.app;

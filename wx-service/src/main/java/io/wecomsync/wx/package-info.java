/**
 * wx-service: the WeCom side of wecom-sync. For now only the application shell; callbacks, the
 * inbox and the worker arrive with their own packages.
 */
package io.wecomsync.wx;

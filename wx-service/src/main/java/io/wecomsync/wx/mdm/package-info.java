/**
 * The way to mdm-service: one Feign client extending the shared contract, wrapped in Resilience4j
 * (retry for transient failures only, circuit breaker) and translating failures into transient or
 * permanent ones. Feign's own retryer stays off, so attempts never multiply.
 */
package io.wecomsync.wx.mdm;

/**
 * Wiring that belongs to no single feature: MyBatis-Plus interceptors (optimistic locking, paging),
 * the clock, the OpenAPI description.
 */
package io.wecomsync.mdm.config;

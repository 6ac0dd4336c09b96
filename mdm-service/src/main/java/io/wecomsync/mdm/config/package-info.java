/**
 * Wiring that belongs to no single feature: MyBatis-Plus interceptors (optimistic locking, paging).
 */
package io.wecomsync.mdm.config;

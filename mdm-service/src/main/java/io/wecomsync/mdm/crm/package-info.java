/**
 * Pushing a user on to the CRM: one HTTP POST with an idempotency key, every attempt recorded
 * (SUCCESS, FAILED, SKIPPED) with its operation-log row. May call {@code user} (to read the user)
 * and {@code oplog}.
 */
package io.wecomsync.mdm.crm;

/**
 * The outbox: what each downstream target (the CRM first; signed webhooks and SCIM later) still has to
 * be told about a user. A user write records its change here in its own transaction ({@link
 * io.wecomsync.mdm.outbox.Outbox}); the {@link io.wecomsync.mdm.outbox.OutboxRelay} delivers it with
 * retries, a circuit breaker per target and an operation-log entry per outcome. May call {@code oplog};
 * the user feature provides {@link io.wecomsync.mdm.outbox.OutboxUsers}, targets plug in as
 * {@link io.wecomsync.mdm.outbox.OutboxTarget} beans — so nothing here depends on them.
 */
package io.wecomsync.mdm.outbox;

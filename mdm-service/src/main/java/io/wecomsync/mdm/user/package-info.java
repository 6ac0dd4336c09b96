/**
 * Users: the {@code mdm_user} row, its department memberships and rename history. Writes are
 * idempotent upserts guarded by the source event time and optimistic locking; each records itself in
 * the operation log, and a change in the {@code outbox} in the same transaction. May call {@code pii},
 * {@code oplog}, {@code outbox} and {@code tag} (to follow a rename).
 */
package io.wecomsync.mdm.user;

/**
 * The operation log (操作日志): one row per write, inserted by the writing feature in its own
 * transaction, with changed fields before → after (personal data masked). Read through
 * {@code GET /oper-logs}.
 */
package io.wecomsync.mdm.oplog;

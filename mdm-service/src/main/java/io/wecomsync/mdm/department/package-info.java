/**
 * Departments: partial upsert and soft delete guarded by the source event time, each with its
 * operation-log row. May call {@code oplog}.
 */
package io.wecomsync.mdm.department;

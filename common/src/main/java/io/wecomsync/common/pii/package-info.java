/**
 * Masking of personal data (mobile, email) for logs and operation-log entries.
 */
package io.wecomsync.common.pii;

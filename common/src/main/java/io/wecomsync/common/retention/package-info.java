/** Housekeeping that keeps tables from growing without end. */
package io.wecomsync.common.retention;

/**
 * The one-command local start: embedded MariaDB and Redis as their own processes (data kept under
 * {@code .local/}), then each service jar with the {@code local} profile, health-checked, stopped
 * together on Ctrl-C. A developer tool, never deployed.
 */
package io.wecomsync.launcher;

/**
 * The gateway: the only door into wecom-sync. For now only the application shell with its
 * actuator; routes, JWT and the callback IP allow-list arrive with their own packages.
 */
package io.wecomsync.gateway;

/**
 * The gateway: the only door into wecom-sync. Routes live in {@code application.yml};
 * {@code security} decides who may pass (JWT, {@code secure.ignore.urls}), {@code callbackip} lets
 * callbacks through only from WeCom's IPs, {@code headers} strips identity-claiming headers.
 */
package io.wecomsync.gateway;

/**
 * Who may call mdm-service: every API needs a JWT (checked here too, not only at the gateway), with
 * scopes per kind of call; only health, info and the API docs are open.
 */
package io.wecomsync.mdm.security;

/**
 * The operators' console: server-rendered pages (Thymeleaf) behind its own login, which call wx-service
 * and mdm-service through the gateway with a short token minted per operator and scoped by role.
 * {@code web} holds the pages, {@code security} who may see and do what, {@code services} the calls.
 */
package io.wecomsync.console;

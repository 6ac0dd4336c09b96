/**
 * The response envelope and error codes every service answers with.
 */
package io.wecomsync.common.api;

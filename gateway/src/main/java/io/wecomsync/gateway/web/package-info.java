/**
 * How the gateway answers what it refuses itself: the shared {@code Result} body.
 */
package io.wecomsync.gateway.web;

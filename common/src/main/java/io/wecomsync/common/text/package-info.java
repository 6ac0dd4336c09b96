/**
 * Text rules shared by the services: how a long text is cut for a bounded place.
 */
package io.wecomsync.common.text;

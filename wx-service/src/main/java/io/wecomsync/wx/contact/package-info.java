/**
 * Applying WeCom's {@code change_contact} events to mdm-service: one handler per kind of entity,
 * routed by {@link io.wecomsync.wx.contact.ContactChangeApplier}; details missing from ID-only
 * events are read from WeCom through the corp's reader app. May call {@code mdm}, {@code app} and
 * {@code inbox} (for follow-up events such as the CRM push).
 */
package io.wecomsync.wx.contact;

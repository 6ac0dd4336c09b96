package io.wecomsync.wx.inbox;

import io.wecomsync.wx.xml.SafeXml;

import java.time.Instant;
import java.util.Map;

/**
 * Events wx-service stores for itself (a report for mdm-service's operation log, …): flat fields written
 * as a small XML message, so they travel, retry and go DEAD like WeCom's own.
 */
public final class InternalEvents {

    private InternalEvents() {
    }

    /** A follow-up of type {@code eventType} about {@code entityKey} carrying {@code fields}. */
    public static InboundEvent of(String corpId, String eventType, String entityKey, Instant time, Map<String, String> fields) {
        return new InboundEvent(corpId, null, InboundEvent.EventSource.FOLLOW_UP, eventType, null, entityKey, null, time,
                SafeXml.writeFlat(fields));
    }

    /** The fields of a stored internal event; an unreadable one is refused (DEAD at once). */
    public static Map<String, String> fields(InboxEvent event) {
        try {
            return SafeXml.parseFlat(event.payload());
        } catch (SafeXml.MalformedXmlException e) {
            throw new EventRefusedException("stored message is unreadable: " + e.getMessage());
        }
    }
}

package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.wx.change.ChangeType;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.xml.SafeXml;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decrypted WeCom message's fields, with the time and id of the event it came in. WeCom sends only
 * what changed: an absent field is {@code null} here ("unchanged"), a present but empty one is
 * {@code ""} ("cleared"). {@code extAttrs} are the custom attributes of an {@code ExtAttr} block, {@code null}
 * when the message has none.
 *
 * @param eventTime the message's {@code CreateTime}, else when the event was received: what mdm-service
 *                  orders writes by
 * @param eventId   the source event id mdm-service recognizes a repeat by ({@code inbox-<id>})
 */
record ContactMessage(Map<String, String> fields, List<CustomAttribute> extAttrs, Instant eventTime, String eventId) {

    /** The message of a stored event. Throws {@link SafeXml.MalformedXmlException} for one that cannot be read. */
    static ContactMessage of(InboxEvent event) {
        ContactMessage bare = parse(event.payload());
        Instant created = bare.createTime();
        return new ContactMessage(bare.fields, bare.extAttrs, created != null ? created : event.eventTime(),
                "inbox-" + event.id());
    }

    /** A message's fields and custom attributes, without event time or id. */
    static ContactMessage parse(String xml) {
        SafeXml.Element root = SafeXml.parse(xml);
        Map<String, String> fields = root.leaves();
        if (fields.isEmpty()) {
            throw new SafeXml.MalformedXmlException("no fields in the XML");
        }
        List<CustomAttribute> extAttrs = root.child(CustomAttributes.BLOCK).map(CustomAttributes::fromXml).orElse(null);
        return new ContactMessage(fields, extAttrs, null, null);
    }

    /** The change WeCom's {@code ChangeType} names; empty for one not applied. */
    Optional<ChangeType> change() {
        return ChangeType.of(changeType());
    }

    String text(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A number field; {@code null} when absent or empty. */
    Long number(String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number");
        }
    }

    /** A comma-separated list; {@code null} when absent, empty when present but empty. */
    List<String> list(String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Instant createTime() {
        Long seconds = number("CreateTime");
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    String changeType() {
        return text("ChangeType");
    }
}

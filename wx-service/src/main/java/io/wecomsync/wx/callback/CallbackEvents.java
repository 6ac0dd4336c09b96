package io.wecomsync.wx.callback;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.inbox.InboundEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a decrypted callback for the inbox: its event and change type, the entity it is about
 * (so that one entity's events apply in order) and its time.
 */
final class CallbackEvents {

    private CallbackEvents() {
    }

    static InboundEvent toInbound(WxApp app, String message, Map<String, String> fields, Clock clock) {
        String corp = app.corpId();
        String msgType = lower(fields.get("MsgType"));
        String event = lower(fields.get("Event"));
        String eventType = "event".equals(msgType) && event != null ? event : (msgType == null ? "unknown" : msgType);
        String changeType = lower(fields.get("ChangeType"));
        String entityKey;
        String altEntityKey = null;
        if ("change_contact".equals(eventType) && changeType != null && changeType.endsWith("_user")) {
            entityKey = "user:" + corp + ":" + nullToEmpty(fields.get("UserID"));
            String newUserId = fields.get("NewUserID");
            if (newUserId != null && !newUserId.isBlank()) {
                altEntityKey = "user:" + corp + ":" + newUserId.strip();
            }
        } else if ("change_contact".equals(eventType) && changeType != null && changeType.endsWith("_party")) {
            entityKey = "dept:" + corp + ":" + nullToEmpty(fields.get("Id"));
        } else if ("change_contact".equals(eventType) && "update_tag".equals(changeType)) {
            entityKey = "tag:" + corp + ":" + nullToEmpty(fields.get("TagId"));
        } else {
            entityKey = "other:" + corp + ":" + eventType;
        }
        return new InboundEvent(corp, app.agentId(), InboundEvent.EventSource.CALLBACK, eventType, changeType,
                truncate(entityKey), altEntityKey == null ? null : truncate(altEntityKey), createTime(fields, clock), message);
    }

    private static Instant createTime(Map<String, String> fields, Clock clock) {
        String value = fields.get("CreateTime");
        if (value != null && value.strip().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        }
        return clock.instant();
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String truncate(String key) {
        return key.length() <= 200 ? key : key.substring(0, 200);
    }
}

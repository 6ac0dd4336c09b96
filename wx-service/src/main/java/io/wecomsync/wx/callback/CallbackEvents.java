package io.wecomsync.wx.callback;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.change.ChangeType;
import io.wecomsync.wx.change.EntityKey;
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
        EntityKey entityKey = EntityKey.other(corp, eventType);
        EntityKey altEntityKey = null;
        ChangeType change = ChangeType.CHANGE_CONTACT.equals(eventType) ? ChangeType.of(changeType).orElse(null) : null;
        if (change != null) {
            entityKey = switch (change.about()) {
                case USER -> EntityKey.user(corp, fields.get("UserID"));
                case DEPARTMENT -> EntityKey.of(change, corp, fields.get("Id"));
                case TAG -> EntityKey.of(change, corp, fields.get("TagId"));
                case OTHER -> entityKey;
            };
            String newUserId = fields.get("NewUserID");
            if (change.about() == EntityKey.Kind.USER && newUserId != null && !newUserId.isBlank()) {
                altEntityKey = EntityKey.user(corp, newUserId);
            }
        }
        return new InboundEvent(corp, app.agentId(), InboundEvent.EventSource.CALLBACK, eventType, changeType,
                entityKey.toString(), altEntityKey == null ? null : altEntityKey.toString(), createTime(fields, clock), message);
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
}

package io.wecomsync.wx.notify;

import io.wecomsync.wx.inbox.EventWentDead;
import io.wecomsync.wx.inbox.InboxEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises a notice per corp when its events go DEAD: the message names the newest one (its id, change
 * and entity — userids, never personal data) and counts the rest.
 */
@Component
class DeadEventNotices {

    private final AdminNotices notices;

    DeadEventNotices(AdminNotices notices) {
        this.notices = notices;
    }

    @EventListener
    void wentDead(EventWentDead dead) {
        InboxEvent event = dead.event();
        String change = event.changeType() != null ? event.changeType() : event.eventType();
        notices.raise(NoticeKind.DEAD_EVENTS, event.corpId(), event.corpId(),
                "事件 #" + event.id() + "（" + change + " " + event.entityKey() + "）已停止重试，同一对象的后续事件在其后等待");
    }
}

package io.wecomsync.wx.contact;

import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import org.springframework.stereotype.Component;


/**
 * Pushes a changed user on to the CRM as an inbox event of its own (entity {@code crm:{corp}:{userId}}),
 * so a failing CRM is retried on its own schedule and never re-applies the user change.
 */
@Component
class CrmPushHandler {

    static final String EVENT_TYPE = "crm_push";

    private final MdmCalls mdm;

    CrmPushHandler(MdmCalls mdm) {
        this.mdm = mdm;
    }

    /** The follow-up event asking for a push of mdm-service's user {@code userId} after {@code cause}. */
    static InboundEvent followUp(InboxEvent cause, String userId) {
        String payload = "<xml><UserId>" + userId + "</UserId><CauseEventId>" + cause.id() + "</CauseEventId></xml>";
        return new InboundEvent(cause.corpId(), null, InboundEvent.EventSource.FOLLOW_UP, EVENT_TYPE, null,
                "crm:" + cause.corpId() + ":" + userId, null, cause.eventTime(), payload);
    }

    HandlerOutcome push(InboxEvent event, ContactMessage message) {
        String userId = message.text("UserId");
        if (userId == null || !userId.matches("[0-9A-Za-z]{1,32}")) {
            return new HandlerOutcome.Dead("crm_push without a valid UserId");
        }
        try {
            mdm.call("push user to CRM", api -> api.pushUserToCrm(userId));
            return HandlerOutcome.done();
        } catch (MdmRejectedException e) {
            return new HandlerOutcome.Dead(e.getMessage());
        }
    }

}

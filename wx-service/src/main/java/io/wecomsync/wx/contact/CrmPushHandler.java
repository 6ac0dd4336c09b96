package io.wecomsync.wx.contact;

import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.mdm.MdmCalls;
import io.wecomsync.wx.mdm.MdmRejectedException;
import org.springframework.stereotype.Component;


/**
 * Applies {@code crm_push} events still queued from before mdm-service delivered user changes through
 * its own outbox: pushes the user once more. No new ones are created (a repeated upsert answered
 * UNCHANGED and lost the push; mdm-service's outbox cannot).
 */
@Component
class CrmPushHandler {

    static final String EVENT_TYPE = "crm_push";

    private final MdmCalls mdm;

    CrmPushHandler(MdmCalls mdm) {
        this.mdm = mdm;
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

package io.wecomsync.wx.audit;

import io.wecomsync.common.mdm.OperatorAction;
import io.wecomsync.common.mdm.OperatorActionReport;
import io.wecomsync.common.text.Excerpt;
import io.wecomsync.wx.inbox.HandlerOutcome;
import io.wecomsync.wx.inbox.InboundEvent;
import io.wecomsync.wx.inbox.InboxEvent;
import io.wecomsync.wx.inbox.InboxEventHandler;
import io.wecomsync.wx.inbox.InternalEvents;
import io.wecomsync.wx.mdm.MdmCalls;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Puts each operator action in mdm-service's operation log. The report travels as an inbox event of its
 * own, so an unreachable mdm-service delays the entry but never loses it.
 */
@Component
class OperatorActionReportHandler implements InboxEventHandler {

    static final String EVENT_TYPE = "operator_action_report";
    /** Stands for "no corp" in the inbox, whose rows always name one. */
    private static final String NO_CORP = "-";

    private final MdmCalls mdm;

    OperatorActionReportHandler(MdmCalls mdm) {
        this.mdm = mdm;
    }

    /** The event that asks for the report of one action. */
    static InboundEvent event(String corpId, String actionId, String operator, OperatorAction action, String targetId,
                              String detail, Instant at) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ActionId", actionId);
        fields.put("Operator", operator);
        fields.put("Action", action.name());
        fields.put("TargetId", targetId);
        if (detail != null) {
            fields.put("Detail", Excerpt.of(detail, 500));
        }
        fields.put("At", at.toString());
        String corp = corpId == null ? NO_CORP : corpId;
        return InternalEvents.of(corp, EVENT_TYPE, "operator:" + corp + ":" + actionId, at, fields);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EVENT_TYPE);
    }

    @Override
    public HandlerOutcome handle(InboxEvent event) {
        Map<String, String> fields = InternalEvents.fields(event);
        OperatorActionReport report;
        try {
            report = new OperatorActionReport(fields.get("ActionId"), NO_CORP.equals(event.corpId()) ? null : event.corpId(),
                    fields.get("Operator"), OperatorAction.valueOf(fields.getOrDefault("Action", "")),
                    fields.get("TargetId"), fields.get("Detail"), Instant.parse(fields.getOrDefault("At", "")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new HandlerOutcome.Dead("operator_action_report without a known Action or At");
        }
        mdm.call("record operator action", api -> api.recordOperatorAction(report));
        return HandlerOutcome.done();
    }
}

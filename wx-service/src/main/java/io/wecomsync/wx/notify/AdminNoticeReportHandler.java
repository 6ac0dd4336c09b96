package io.wecomsync.wx.notify;

import io.wecomsync.common.mdm.AdminNoticeReport;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts each message to the admins in mdm-service's operation log. The report travels as an inbox event
 * of its own, so an unreachable mdm-service delays the entry but never loses it.
 */
@Component
class AdminNoticeReportHandler implements InboxEventHandler {

    static final String EVENT_TYPE = "admin_notice_report";

    private final MdmCalls mdm;

    AdminNoticeReportHandler(MdmCalls mdm) {
        this.mdm = mdm;
    }

    /** The event that asks for the report of one send. */
    static InboundEvent event(String corpId, String noticeId, String recipients, List<String> conditions, String result,
                              String detail, Instant sentAt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("NoticeId", noticeId);
        fields.put("Recipients", Excerpt.of(recipients, 200));
        fields.put("Conditions", String.join(",", conditions.stream().limit(50).toList()));
        fields.put("Result", result);
        if (detail != null) {
            fields.put("Detail", Excerpt.of(detail, 200));
        }
        fields.put("SentAt", sentAt.toString());
        return InternalEvents.of(corpId, EVENT_TYPE, "notice:" + corpId + ":" + noticeId, sentAt, fields);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EVENT_TYPE);
    }

    @Override
    public HandlerOutcome handle(InboxEvent event) {
        Map<String, String> fields = InternalEvents.fields(event);
        AdminNoticeReport report;
        try {
            report = new AdminNoticeReport(fields.get("NoticeId"), event.corpId(), fields.get("Recipients"),
                    Arrays.asList(fields.getOrDefault("Conditions", "").split(",")), fields.get("Result"),
                    fields.get("Detail"), Instant.parse(fields.getOrDefault("SentAt", "")));
        } catch (DateTimeParseException e) {
            return new HandlerOutcome.Dead("admin_notice_report without SentAt");
        }
        mdm.call("record admin notice", api -> api.recordAdminNotice(report));
        return HandlerOutcome.done();
    }
}

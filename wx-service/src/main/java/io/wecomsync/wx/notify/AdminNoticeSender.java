package io.wecomsync.wx.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One round of the notice job: the conditions that are due (pending, and not messaged within the
 * interval) go out as one message — the condition itself when it is alone, a summary when there are
 * several — and the send, whatever its result, goes to mdm-service's operation log through the inbox.
 * A failed send is tried again an interval later, so a wrong agent id costs one attempt per interval.
 */
@Service
public class AdminNoticeSender {

    private static final Logger log = LoggerFactory.getLogger(AdminNoticeSender.class);
    private static final int MOST_PER_ROUND = 200;

    private final AdminNoticeMapper mapper;
    private final NotifySettings settings;
    private final AdminMessenger messenger;
    private final Inbox inbox;
    private final MeterRegistry registry;
    private final Clock clock;

    AdminNoticeSender(AdminNoticeMapper mapper, NotifySettings settings, AdminMessenger messenger, Inbox inbox,
                      MeterRegistry registry, Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.messenger = messenger;
        this.inbox = inbox;
        this.registry = registry;
        this.clock = clock;
        List.of("SENT", "FAILED").forEach(result -> sends(result));
    }

    /** Sends what is due; answers the conditions it was about (empty: nothing was due, or sending is off). */
    public List<String> run() {
        NotifyProperties current = settings.current();
        if (!current.enabled()) {
            return List.of();
        }
        Optional<WxApp> app = settings.sender();
        if (app.isEmpty()) {
            log.warn("admin notices are on, but wx.notify names no app that can send");
            return List.of();
        }
        Instant now = clock.instant();
        List<AdminNotice> due = mapper.due(now.minus(current.interval()), MOST_PER_ROUND);
        if (due.isEmpty()) {
            return List.of();
        }
        AdminMessenger.Sent sent = messenger.send(app.get(), current, compose(due, current.maxLines()));
        for (AdminNotice notice : due) {
            if (sent.ok()) {
                mapper.sent(notice.noticeKey(), notice.occurrences(), now);
            } else {
                mapper.attempted(notice.noticeKey(), now);
            }
        }
        String result = sent.ok() ? "SENT" : "FAILED";
        sends(result).increment();
        if (!sent.ok()) {
            log.warn("could not message the WeCom admins about {} conditions: {}", due.size(), sent.detail());
        }
        List<String> conditions = due.stream().map(AdminNotice::noticeKey).toList();
        inbox.store(AdminNoticeReportHandler.event(app.get().corpId(), "notice-" + UUID.randomUUID(),
                current.recipients(), conditions, result, sent.detail(), now));
        return conditions;
    }

    /** One condition with what to do about it, or a summary of several. */
    static String compose(List<AdminNotice> due, int maxLines) {
        if (due.size() == 1) {
            AdminNotice notice = due.get(0);
            return "wecom-sync 需要处理\n" + notice.line() + "\n" + notice.kind().action();
        }
        StringBuilder text = new StringBuilder("wecom-sync：").append(due.size()).append(" 项需要处理");
        due.stream().limit(maxLines).forEach(notice -> text.append('\n').append(notice.line()));
        if (due.size() > maxLines) {
            text.append("\n……另有 ").append(due.size() - maxLines).append(" 项");
        }
        return text.toString();
    }

    private Counter sends(String result) {
        return Counter.builder("wecom.notify.sends").tag("result", result)
                .description("messages to the WeCom admins, by result").register(registry);
    }
}

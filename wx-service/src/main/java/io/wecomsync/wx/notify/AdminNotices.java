package io.wecomsync.wx.notify;

import io.wecomsync.common.text.Excerpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Where features raise what the WeCom admins must hear of. A condition is named by its kind and subject
 * (a corp, a run); raising it again before it was sent only counts it. Raising never fails the caller:
 * with the database gone the log line is all that is left.
 */
@Service
public class AdminNotices {

    private static final Logger log = LoggerFactory.getLogger(AdminNotices.class);
    private static final int MAX_DETAIL = 300;

    private final AdminNoticeMapper mapper;
    private final Clock clock;

    AdminNotices(AdminNoticeMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param subject what it is about within its kind (a corp id, a run id); with the kind, names the condition
     * @param corpId  the corp it concerns, or null
     * @param detail  what happened, for the message: ids and counts, never personal data
     */
    public void raise(NoticeKind kind, String subject, String corpId, String detail) {
        try {
            mapper.raise(key(kind, subject), kind.name(), corpId, Excerpt.of(detail, MAX_DETAIL), clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not record a {} notice for the admins: {}", kind, e.getClass().getSimpleName());
        }
    }

    /** The condition is over: if it was not sent yet, it is not sent at all. */
    public void resolve(NoticeKind kind, String subject) {
        try {
            mapper.resolve(key(kind, subject));
        } catch (RuntimeException e) {
            log.warn("could not resolve a {} notice: {}", kind, e.getClass().getSimpleName());
        }
    }

    private static String key(NoticeKind kind, String subject) {
        String key = kind.name() + ":" + subject;
        return key.length() <= 160 ? key : key.substring(0, 160);
    }
}

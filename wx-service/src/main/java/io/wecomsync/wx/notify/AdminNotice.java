package io.wecomsync.wx.notify;

import java.time.Instant;

/** A condition waiting to be sent, as read: {@code occurrences} since it was last sent. */
record AdminNotice(String noticeKey, NoticeKind kind, String corpId, String detail, int occurrences,
                   Instant lastRaisedAt, Instant lastSentAt) {

    /** The message line for it. */
    String line() {
        String times = occurrences > 1 ? "（" + occurrences + " 次）" : "";
        return "【" + kind.title() + "】" + (corpId == null ? "" : corpId + "：") + detail + times;
    }
}

package io.wecomsync.wx.notify;

import io.wecomsync.wx.app.WxApp;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Sends a text application message through WxJava's message API ({@code message/send}). */
@Component
class AdminMessenger {

    /** WeCom refuses text content over 2,048 bytes. */
    static final int MAX_CONTENT_BYTES = 2048;

    /** What a send came to; {@code detail} names WeCom's errcode or the failure, never the text. */
    record Sent(boolean ok, String detail) {
    }

    Sent send(WxApp app, NotifyProperties settings, String content) {
        WxCpMessage message = WxCpMessage.TEXT().agentId(app.agentId())
                .toUser(settings.toUsers().isEmpty() ? null : String.join("|", settings.toUsers()))
                .toTag(settings.toTags().isEmpty() ? null : String.join("|", settings.toTags()))
                .content(fit(content)).build();
        try {
            WxCpMessageSendResult result = app.api().getMessageService().send(message);
            String invalid = join(result.getInvalidUser(), result.getInvalidTag());
            return new Sent(true, invalid.isEmpty() ? null : "WeCom could not deliver to " + invalid);
        } catch (WxErrorException e) {
            return new Sent(false, "WeCom error " + e.getError().getErrorCode());
        } catch (RuntimeException e) {
            return new Sent(false, e.getClass().getSimpleName());
        }
    }

    /** Cuts {@code content} to what WeCom takes, on a character boundary. */
    static String fit(String content) {
        if (content.getBytes(StandardCharsets.UTF_8).length <= MAX_CONTENT_BYTES) {
            return content;
        }
        StringBuilder fitted = new StringBuilder();
        int bytes = 3; // the ellipsis
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_CONTENT_BYTES) {
                break;
            }
            fitted.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return fitted.append('…').toString();
    }

    private static String join(String users, String tags) {
        StringBuilder text = new StringBuilder();
        if (users != null && !users.isBlank()) {
            text.append("users ").append(users);
        }
        if (tags != null && !tags.isBlank()) {
            text.append(text.isEmpty() ? "" : ", ").append("tags ").append(tags);
        }
        return text.toString();
    }
}

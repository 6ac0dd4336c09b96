package io.wecomsync.wx.notify;

import io.wecomsync.common.mdm.WxIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code wx.notify.*}: messages to the WeCom admins. All of it can change at run time (Nacos).
 *
 * @param enabled  send at all; off by default (notices are still recorded, and sent once it is on)
 * @param corpId   the corp whose app sends; may be left out when wx-service serves one corp
 * @param agentId  the app that sends (a self-built app whose visible range includes the admins); left
 *                 out: the corp's reader app
 * @param toUsers  WeCom userids to send to
 * @param toTags   WeCom tag ids to send to (every member of the tag)
 * @param interval a condition is messaged at most once per interval, however often it recurs; what
 *                 recurs meanwhile is counted into the next message
 * @param cron     how often due notices are looked for and sent (Quartz cron, clustered: one instance)
 * @param maxLines the most conditions one summary lists; the rest are counted
 */
@Validated
@ConfigurationProperties("wx.notify")
public record NotifyProperties(
        @DefaultValue("false") boolean enabled,
        @Pattern(regexp = WxIds.CORP_ID, message = "must be a WeCom corp id") String corpId,
        @Min(1) Integer agentId,
        @DefaultValue List<@Pattern(regexp = WxIds.USER_ID, message = "must be a WeCom userid") String> toUsers,
        @DefaultValue List<@Pattern(regexp = "\\d{1,9}", message = "must be a WeCom tag id") String> toTags,
        @NotNull @DurationUnit(ChronoUnit.MINUTES) @DefaultValue("30m") Duration interval,
        @NotBlank @DefaultValue("0/30 * * * * ?") String cron,
        @Min(1) @Max(50) @DefaultValue("10") int maxLines) {

    /** Whether anyone would receive a message. */
    public boolean hasRecipients() {
        return !toUsers.isEmpty() || !toTags.isEmpty();
    }

    /** The recipients as the operation log shows them: userids and tag ids, nothing personal. */
    public String recipients() {
        return ("users=" + String.join("|", toUsers) + " tags=" + String.join("|", toTags));
    }
}

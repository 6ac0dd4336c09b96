package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /oper-logs/admin-notices}: a message wx-service sent (or failed to send) to the
 * WeCom admins about conditions that need them, for the operation log. Sending the same {@code noticeId}
 * twice records it once.
 *
 * @param noticeId   names this send; the operation log's source event id
 * @param corpId     the corp whose app sent it
 * @param recipients who it went to, as WeCom takes them ({@code users=a|b tags=3}); userids and tag ids only
 * @param conditions the conditions it was about, e.g. {@code DEAD_EVENTS:ww…}
 * @param result     {@code SENT} or {@code FAILED}
 * @param detail     for a failure, what WeCom answered (its errcode), never the message text
 */
public record AdminNoticeReport(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String noticeId,
        @NotBlank @Pattern(regexp = WxIds.CORP_ID) String corpId,
        @NotBlank @Size(max = 200) String recipients,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 160) String> conditions,
        @NotBlank @Pattern(regexp = "SENT|FAILED") String result,
        @Size(max = 200) String detail,
        @NotNull Instant sentAt) {
}

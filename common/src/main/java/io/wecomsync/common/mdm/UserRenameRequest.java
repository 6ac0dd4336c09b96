package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Body of {@code POST /users/by-wx/{corpId}/{wxUserId}/rename}: WeCom's {@code NewUserID}. */
public record UserRenameRequest(
        @NotBlank @Pattern(regexp = WxIds.USER_ID) String newWxUserId,
        @NotNull(message = "is required: the WeCom CreateTime this rename reflects") Instant sourceEventTime,
        @Size(max = 64) String sourceEventId) {
}

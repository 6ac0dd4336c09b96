package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code PUT /tags/{corpId}/{tagId}/members}. Either a delta ({@code add…}/{@code remove…},
 * as in WeCom's {@code update_tag} event) or, after re-reading the tag from WeCom, the full member
 * list ({@code users}/{@code departments}) — not both for the same kind of member.
 * {@code sourceEventTime} (optional): when the list was read (for a full list) or the event's time
 * (for a delta); a write older than the newest one applied is answered STALE and changes nothing.
 */
public record TagMembersRequest(
        @Size(max = 64) String tagName,
        @Size(max = 10000) List<@NotNull @Pattern(regexp = WxIds.USER_ID) String> addUsers,
        @Size(max = 10000) List<@NotNull @Pattern(regexp = WxIds.USER_ID) String> removeUsers,
        @Size(max = 10000) List<@NotNull @Positive Long> addDepartments,
        @Size(max = 10000) List<@NotNull @Positive Long> removeDepartments,
        @Size(max = 10000) List<@NotNull @Pattern(regexp = WxIds.USER_ID) String> users,
        @Size(max = 10000) List<@NotNull @Positive Long> departments,
        @Size(max = 64) String sourceEventId,
        Instant sourceEventTime) {
}

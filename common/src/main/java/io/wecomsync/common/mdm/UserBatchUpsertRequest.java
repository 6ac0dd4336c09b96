package io.wecomsync.common.mdm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /users/by-wx/{corpId}/batch}: upserts of several users of one corp, each with
 * the same meaning as {@code PUT /users/by-wx/{corpId}/{wxUserId}}, applied in one transaction. One
 * item per user: a batch carries at most one change of each user, so order within it does not matter.
 */
public record UserBatchUpsertRequest(
        @NotNull @Size(min = 1, max = UserBatchUpsertRequest.MAX_ITEMS) List<@Valid @NotNull Item> items) {

    /** The most items one batch may carry; larger sets are sent as several batches. */
    public static final int MAX_ITEMS = 200;

    /**
     * One user's upsert; {@code traceId} (optional, W3C: 32 hex digits) is the trace of the event it comes
     * from, recorded with the user's operation-log entry and CRM delivery (a batch mixes many events' traces).
     */
    public record Item(
            @NotNull @Pattern(regexp = WxIds.USER_ID, message = "must be a WeCom userid") String wxUserId,
            @Valid @NotNull UserUpsertRequest user,
            @Pattern(regexp = "[0-9a-f]{32}", message = "must be a W3C trace id (32 lower-case hex digits)") String traceId) {
    }
}

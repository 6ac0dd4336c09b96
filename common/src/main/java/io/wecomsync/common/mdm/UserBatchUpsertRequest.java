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

    /** One user's upsert. */
    public record Item(
            @NotNull @Pattern(regexp = WxIds.USER_ID, message = "must be a WeCom userid") String wxUserId,
            @Valid @NotNull UserUpsertRequest user) {
    }
}

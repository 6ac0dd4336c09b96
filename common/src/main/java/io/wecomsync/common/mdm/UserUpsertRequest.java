package io.wecomsync.common.mdm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /users/by-wx/{corpId}/{wxUserId}}: create the user, or change only the fields
 * that are present.
 *
 * <p>A {@code null} (or absent) field means "unchanged", never "clear it" — WeCom's
 * {@code update_user} carries only what changed. An empty string clears a text field.
 * {@code departments}, when present, replaces the whole membership. {@code extAttrs} sets each attribute
 * it names (an empty one is cleared) and leaves the others; {@code employeeNumber} and {@code mappedFields}
 * are what wx-service's field mapping took from them (an empty value clears, an absent one is unchanged).
 * {@code customAttributesComplete} says the write carries all of the user's attributes and mapped fields
 * (a full read from WeCom): those it does not name are then removed — an attribute deleted in WeCom, a
 * field no longer mapped.
 */
public record UserUpsertRequest(
        @Size(max = 64) String name,
        @Size(max = 64) String alias,
        @Size(max = 128) String position,
        @Min(0) @Max(2) Integer gender,
        @Pattern(regexp = "[1245]", message = "must be 1 (active), 2 (disabled), 4 (not activated) or 5 (left)")
        String status,
        @Pattern(regexp = "^$|^\\+?[0-9][0-9 -]{2,30}$", message = "must be a phone number of digits, spaces, '-' and an optional leading '+'")
        String mobile,
        @Email @Size(max = 128) String email,
        @Email @Size(max = 128) String bizMail,
        @Size(max = 32) String telephone,
        @Size(max = 255) String address,
        @Size(max = 512) String avatar,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = WxIds.USER_ID) String> directLeader,
        @Positive Long mainDepartment,
        @Size(max = 100) List<@Valid @NotNull DepartmentMembership> departments,
        @Size(max = 100) List<@Valid @NotNull CustomAttribute> extAttrs,
        @Size(max = 64) String employeeNumber,
        @Size(max = 20) Map<@NotBlank @Pattern(regexp = MAPPED_FIELD, message = MAPPED_FIELD_MESSAGE) String,
                @NotNull @Size(max = 512) String> mappedFields,
        Boolean customAttributesComplete,
        @NotNull(message = "is required: the WeCom CreateTime (or the time of the change) this write reflects")
        Instant sourceEventTime,
        @Size(max = 64) String sourceEventId) {

    /** A mapped field's name: what the company calls it in the MDM ({@code costCentre}, {@code grade}). */
    public static final String MAPPED_FIELD = "[a-z][A-Za-z0-9]{0,31}";
    public static final String MAPPED_FIELD_MESSAGE = "must be a camelCase name of letters and digits (at most 32)";
}

package io.wecomsync.common.mdm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of {@code POST /oper-logs/operator-actions}: one thing an operator did through wx-service's admin
 * API, for the operation log. Sending the same {@code actionId} twice records it once.
 *
 * @param actionId names this action; the operation log's source event id
 * @param corpId   the corp it concerned; null for what concerns none (the callback IP list)
 * @param operator who did it: the subject of the token they called with (the console mints one per person)
 * @param targetId what it was done to (an inbox event id, a run id, a corp id, an IP list type)
 * @param detail   what came of it (e.g. how many events were put back in line, the reason of a skip)
 */
public record OperatorActionReport(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String actionId,
        @Pattern(regexp = WxIds.CORP_ID) String corpId,
        @NotBlank @Size(max = 64) String operator,
        @NotNull OperatorAction action,
        @NotBlank @Size(max = 128) String targetId,
        @Size(max = 500) String detail,
        @NotNull Instant at) {
}

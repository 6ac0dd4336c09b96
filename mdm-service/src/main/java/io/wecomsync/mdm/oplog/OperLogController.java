package io.wecomsync.mdm.oplog;

import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.OperLogResponse;
import io.wecomsync.common.mdm.PageResponse;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.text.Excerpt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

@RestController
class OperLogController {

    private final OperationLog operationLog;

    OperLogController(OperationLog operationLog) {
        this.operationLog = operationLog;
    }

    private static final Pattern TRACE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Newest first; {@code traceId} finds what one WeCom event (or request) did, across services; {@code operator} what one person asked for. Times are ISO-8601 instants; {@code from} is inclusive, {@code to} exclusive. */
    @GetMapping("/oper-logs")
    Result<PageResponse<OperLogResponse>> find(@RequestParam(required = false) String corpId,
                                               @RequestParam(required = false) String action,
                                               @RequestParam(required = false) String targetType,
                                               @RequestParam(required = false) String targetId,
                                               @RequestParam(required = false) String traceId,
                                               @RequestParam(required = false) String operator,
                                               @RequestParam(required = false) String sourceEventId,
                                               @RequestParam(required = false) Instant from,
                                               @RequestParam(required = false) Instant to,
                                               @RequestParam(defaultValue = "1") long page,
                                               @RequestParam(defaultValue = "20") long size) {
        if (page < 1) {
            throw ApiException.invalid("page must be 1 or more, got " + page);
        }
        if (size < 1 || size > 200) {
            throw ApiException.invalid("size must be between 1 and 200, got " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("from must be before to");
        }
        if (traceId != null && !traceId.isBlank() && !TRACE_ID.matcher(traceId).matches()) {
            throw ApiException.invalid("traceId must be a trace id as the log shows it (at most 64 letters, digits, '.', '_', ':' or '-'), got '"
                    + Excerpt.of(traceId, 64) + "'");
        }
        if (operator != null && operator.length() > 64) {
            throw ApiException.invalid("operator must be at most 64 characters (an operator's id as the log shows it)");
        }
        if (sourceEventId != null && sourceEventId.length() > 64) {
            throw ApiException.invalid("sourceEventId must be at most 64 characters (a source event id as the log shows it)");
        }
        String normalizedAction = action == null ? null : action.toUpperCase(Locale.ROOT);
        if (normalizedAction != null && Arrays.stream(OperAction.values()).noneMatch(a -> a.name().equals(normalizedAction))) {
            throw ApiException.invalid("action must be one of " + Arrays.toString(OperAction.values()) + ", got '" + action + "'");
        }
        String normalizedType = targetType == null ? null : targetType.toUpperCase(Locale.ROOT);
        return Result.ok(operationLog.find(new OperationLog.OperLogQuery(blankToNull(corpId), normalizedAction,
                normalizedType, blankToNull(targetId), blankToNull(traceId), blankToNull(operator), blankToNull(sourceEventId),
                from, to, page, size)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

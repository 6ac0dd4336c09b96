package io.wecomsync.mdm.web;

import io.wecomsync.common.tracing.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import java.security.Principal;

/**
 * Who asked for a write and under which trace, as recorded in the operation log. The trace id is the
 * request's W3C trace — continued from its {@code traceparent}, or the one started for it — as the log
 * lines show it (none when tracing is switched off). The caller comes from the authenticated principal.
 */
public record RequestSource(String traceId, String caller) {

    /** The MDC key Micrometer Tracing puts the current trace id under. */
    static final String TRACE_ID_MDC = "traceId";

    public static final RequestSource SYSTEM = new RequestSource(null, "system");

    public static RequestSource of(HttpServletRequest request) {
        String traceId = MDC.get(TRACE_ID_MDC);
        Principal principal = request.getUserPrincipal();
        String caller = principal != null ? truncate(principal.getName()) : "anonymous";
        return new RequestSource(TraceParent.isTraceId(traceId) ? traceId : null, caller);
    }

    /** The same caller under trace {@code traceId}; this source itself when {@code traceId} is null. */
    public RequestSource withTrace(String traceId) {
        return traceId == null ? this : new RequestSource(traceId, caller);
    }

    private static String truncate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64);
    }
}

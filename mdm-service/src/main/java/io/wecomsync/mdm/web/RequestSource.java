package io.wecomsync.mdm.web;

import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.regex.Pattern;

/**
 * Who asked for a write and under which trace, as recorded in the operation log. The trace id comes
 * from {@code X-Request-Id} when it is a plain token, the caller from the authenticated principal.
 */
public record RequestSource(String traceId, String caller) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public static final RequestSource SYSTEM = new RequestSource(null, "system");

    public static RequestSource of(HttpServletRequest request) {
        String traceId = request.getHeader(REQUEST_ID_HEADER);
        if (traceId != null && !PLAIN_TOKEN.matcher(traceId).matches()) {
            traceId = null;
        }
        Principal principal = request.getUserPrincipal();
        String caller = principal != null ? truncate(principal.getName()) : "anonymous";
        return new RequestSource(traceId, caller);
    }

    private static String truncate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64);
    }
}

package io.wecomsync.common.tracing;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C {@code traceparent} ({@code 00-<trace id>-<parent span id>-<flags>}) as work stored for later
 * carries it: the inbox keeps the one its callback came with, the outbox the trace id of the change it
 * delivers. Only version 00 with a non-zero trace and span id is accepted; anything else is no trace.
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

    /** The header that carries it. */
    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    public TraceParent {
        if (!isTraceId(traceId) || spanId == null || !spanId.matches("[0-9a-f]{16}") || ZERO_SPAN.equals(spanId)) {
            throw new IllegalArgumentException("not a W3C trace id and span id");
        }
    }

    /** The trace context in {@code value}, or empty when it is missing or malformed. */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || ZERO_TRACE.equals(m.group(1)) || ZERO_SPAN.equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(1), m.group(2), (Integer.parseInt(m.group(3), 16) & 1) == 1));
    }

    /**
     * A parent within trace {@code traceId} for work that kept only the trace id (the outbox): a fresh
     * span id stands in for the span that recorded it.
     */
    public static Optional<TraceParent> within(String traceId) {
        if (!isTraceId(traceId)) {
            return Optional.empty();
        }
        String spanId;
        do {
            spanId = String.format("%016x", ThreadLocalRandom.current().nextLong());
        } while (ZERO_SPAN.equals(spanId));
        return Optional.of(new TraceParent(traceId, spanId, true));
    }

    /** Whether {@code value} is a W3C trace id: 32 lower-case hex digits, not all zero. */
    public static boolean isTraceId(String value) {
        return value != null && TRACE_ID.matcher(value).matches() && !ZERO_TRACE.equals(value);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
}

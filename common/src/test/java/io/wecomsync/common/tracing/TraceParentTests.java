package io.wecomsync.common.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void readsAndWritesTheW3cForm() {
        TraceParent parent = TraceParent.parse("00-" + TRACE + "-00f067aa0ba902b7-01").orElseThrow();
        assertThat(parent.traceId()).isEqualTo(TRACE);
        assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.sampled()).isTrue();
        assertThat(parent.toString()).isEqualTo("00-" + TRACE + "-00f067aa0ba902b7-01");
        assertThat(TraceParent.parse(" 00-" + TRACE.toUpperCase() + "-00F067AA0BA902B7-00 ").orElseThrow().sampled()).isFalse();
    }

    @Test
    void malformedOrZeroIdsAreNoTrace() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("01-" + TRACE + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-0000000000000000-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-00f067aa0ba902b7-01; DROP TABLE")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE.substring(1) + "-00f067aa0ba902b7-01")).isEmpty();
    }

    @Test
    void aParentWithinAKeptTraceIdHasAFreshSpan() {
        TraceParent one = TraceParent.within(TRACE).orElseThrow();
        TraceParent two = TraceParent.within(TRACE).orElseThrow();
        assertThat(one.traceId()).isEqualTo(TRACE);
        assertThat(one.spanId()).isNotEqualTo(two.spanId());
        assertThat(TraceParent.parse(one.toString())).contains(one);
        assertThat(TraceParent.within("not-a-trace")).isEmpty();
        assertThat(TraceParent.within(null)).isEmpty();
    }
}

package io.wecomsync.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitTests {

    private final RequestBodyLimit limit16 = new RequestBodyLimit(16);
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final AtomicReference<String> read = new AtomicReference<>();
    private final FilterChain reader = (request, ignored) -> read.set(new String(request.getInputStream().readAllBytes(),
            StandardCharsets.UTF_8));

    @Test
    void aStatedLengthOverTheLimitIsAnsweredWith413AndNeverRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/users");
        request.setContent("x".repeat(17).getBytes(StandardCharsets.UTF_8));

        limit16.doFilter(request, response, reader);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"code\":41301,\"msg\":\"the body is larger than 16 bytes\",\"data\":null}");
        assertThat(read).hasNullValue();
    }

    @Test
    void aBodyWithinTheLimitIsReadWhetherItsLengthIsStatedOrNot() throws Exception {
        MockHttpServletRequest stated = new MockHttpServletRequest("PUT", "/users");
        stated.setContent("x".repeat(16).getBytes(StandardCharsets.UTF_8));
        limit16.doFilter(stated, response, reader);
        assertThat(read).hasValue("x".repeat(16));

        limit16.doFilter(chunked("y".repeat(16)), new MockHttpServletResponse(), reader);
        assertThat(read).hasValue("y".repeat(16));
    }

    @Test
    void readingAChunkedBodyStopsOncePastTheLimit() {
        assertThatThrownBy(() -> limit16.doFilter(chunked("z".repeat(17)), response, reader))
                .isInstanceOf(RequestBodyLimit.TooLarge.class).hasMessage("the body is larger than 16 bytes");
        assertThat(ResultExceptionHandler.bodyTooLarge(new IllegalStateException(new RequestBodyLimit.TooLarge(16))))
                .as("found under whatever wrapped it").hasValueSatisfying(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(413));
    }

    @Test
    void aLimitOfNothingIsRefused() {
        assertThatThrownBy(() -> new RequestBodyLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A request sent in chunks: no length stated. */
    private static ServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/users") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}

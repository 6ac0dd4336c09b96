package io.wecomsync.gateway.body;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyLimitGatewayFilterFactoryTests {

    private final GatewayFilter limit16 = limit(DataSize.ofBytes(16));
    /** What the service behind received: the request as forwarded, and its body. */
    private final AtomicReference<ServerHttpRequest> forwarded = new AtomicReference<>();
    private final AtomicReference<String> forwardedBody = new AtomicReference<>();

    @Test
    void aStatedLengthOverTheLimitIsRefusedWith413WithoutForwarding() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/wx/callback/1")
                .contentLength(17).body("x".repeat(17)));

        limit16.filter(exchange, this::forward).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("{\"code\":41301,\"msg\":\"the body is larger than 16 bytes\",\"data\":null}");
        assertThat(forwarded).hasNullValue();
    }

    @Test
    void aStatedLengthWithinTheLimitStreamsOnUntouched() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/wx/callback/1").contentLength(16).body("x".repeat(16));

        limit16.filter(exchange(request), this::forward).block();

        assertThat(forwarded.get()).isSameAs(request);
        assertThat(forwardedBody).hasValue("x".repeat(16));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedBeforeAnythingIsForwarded() {
        MockServerWebExchange exchange = exchange(chunked("0123456789", "0123456"));

        limit16.filter(exchange, this::forward).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("41301", "larger than 16 bytes");
        assertThat(forwarded).hasNullValue();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWholeWithItsLength() {
        limit16.filter(exchange(chunked("<a>", "回调", "</a>")), this::forward).block();

        HttpHeaders headers = forwarded.get().getHeaders();
        assertThat(headers.getContentLength()).isEqualTo("<a>回调</a>".getBytes(StandardCharsets.UTF_8).length);
        assertThat(headers.containsKey(HttpHeaders.TRANSFER_ENCODING)).isFalse();
        assertThat(headers.getFirst("X-Trace")).as("the other headers go on").isEqualTo("t-1");
        assertThat(forwardedBody).hasValue("<a>回调</a>");
        assertThat(DataBufferUtils.join(forwarded.get().getBody()).map(body -> body.toString(StandardCharsets.UTF_8)).block())
                .as("read again, as a retried forward would").isEqualTo("<a>回调</a>");
    }

    @Test
    void aChunkedBodyThatDoesNotArriveInTimeIsRefusedWith408() {
        BodyLimitGatewayFilterFactory.Config config = new BodyLimitGatewayFilterFactory.Config();
        config.setReadTimeout(Duration.ofMillis(200));
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/wx/callback/1")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(Flux.concat(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("<xml>".getBytes(StandardCharsets.UTF_8))),
                        Flux.never())));

        new BodyLimitGatewayFilterFactory().apply(config).filter(exchange, this::forward).block(Duration.ofSeconds(10));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("{\"code\":40801,\"msg\":\"the body did not arrive within 200 ms\",\"data\":null}");
        assertThat(forwarded).hasNullValue();
    }

    @Test
    void aLimitOfNothingIsRefused() {
        BodyLimitGatewayFilterFactory.Config config = new BodyLimitGatewayFilterFactory.Config();

        assertThatThrownBy(() -> config.setMaxSize(DataSize.ofBytes(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BodyLimit maxSize");
    }

    private Mono<Void> forward(org.springframework.web.server.ServerWebExchange exchange) {
        forwarded.set(exchange.getRequest());
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .doOnNext(body -> forwardedBody.set(body.toString(StandardCharsets.UTF_8)))
                .then();
    }

    private static GatewayFilter limit(DataSize max) {
        BodyLimitGatewayFilterFactory.Config config = new BodyLimitGatewayFilterFactory.Config();
        config.setMaxSize(max);
        return new BodyLimitGatewayFilterFactory().apply(config);
    }

    private static MockServerHttpRequest chunked(String... chunks) {
        Flux<DataBuffer> body = Flux.fromArray(chunks)
                .map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
        return MockServerHttpRequest.post("/wx/callback/1").header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .header("X-Trace", "t-1").body(body);
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest request) {
        return MockServerWebExchange.from(request);
    }
}

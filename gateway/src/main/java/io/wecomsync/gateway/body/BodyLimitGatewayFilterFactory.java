package io.wecomsync.gateway.body;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.gateway.web.ResultResponses;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@code BodyLimit=64KB} in a route's filters: a body larger than that is answered 413 in the shared
 * {@code Result} shape and never reaches the service behind. A body that states its length
 * ({@code Content-Length}) is judged by it and streams on untouched; one sent in chunks (no length) is read
 * here up to the limit before anything is forwarded, so a sender cannot slip a large body past the gateway
 * by leaving the length out. Spring Cloud Gateway's own {@code RequestSize} reads only the header, and
 * answers with an empty body.
 */
@Component
public class BodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<BodyLimitGatewayFilterFactory.Config> {

    public BodyLimitGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("maxSize");
    }

    @Override
    public GatewayFilter apply(Config config) {
        long max = config.getMaxSize().toBytes();
        Duration readTimeout = config.getReadTimeout();
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            long length = request.getHeaders().getContentLength();
            if (length > max) {
                return tooLarge(exchange, max);
            }
            if (length >= 0 || !request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)) {
                return chain.filter(exchange);
            }
            return DataBufferUtils.join(request.getBody(), (int) max)
                    // a sender dribbling its chunks must not hold a place here for ever (WeCom waits 5 s anyway)
                    .timeout(readTimeout)
                    .map(BodyLimitGatewayFilterFactory::copied)
                    .map(body -> new ReadBody(request, body))
                    .defaultIfEmpty(new ReadBody(request, new byte[0]))
                    .flatMap(read -> chain.filter(exchange.mutate().request(read).build()))
                    .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, max))
                    .onErrorResume(TimeoutException.class, e -> ResultResponses.write(exchange.getResponse(),
                            ErrorCode.REQUEST_TIMEOUT, "the body did not arrive within " + readTimeout.toMillis() + " ms"));
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
        return ResultResponses.write(exchange.getResponse(), ErrorCode.PAYLOAD_TOO_LARGE,
                "the body is larger than " + max + " bytes");
    }

    /**
     * The body on the heap, the network buffer released at once: nothing to leak when the request is never
     * forwarded (the service unreachable), and each subscription gets the whole body (a retried forward).
     */
    private static byte[] copied(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** A chunked request as it was read here: the same request with its body whole and its length stated. */
    private static final class ReadBody extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final HttpHeaders headers;

        ReadBody(ServerHttpRequest request, byte[] body) {
            super(request);
            this.body = body;
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(request.getHeaders());
            copy.remove(HttpHeaders.TRANSFER_ENCODING);
            copy.setContentLength(body.length);
            this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty()
                    : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }

    /**
     * The route's settings: {@code maxSize} must be at least one byte and fit an int; a body sent in chunks
     * must arrive whole within {@code readTimeout} (else 408).
     */
    public static class Config {

        private DataSize maxSize = DataSize.ofKilobytes(64);
        private Duration readTimeout = Duration.ofSeconds(5);

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("BodyLimit readTimeout must be positive, got " + readTimeout);
            }
            this.readTimeout = readTimeout;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            if (maxSize == null || maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("BodyLimit maxSize must be between 1 byte and 2 GB, got " + maxSize);
            }
            this.maxSize = maxSize;
        }
    }
}

package io.wecomsync.gateway.headers;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Drops identity-claiming headers before any route sees the request. */
@Component
class InternalHeadersFilter implements GlobalFilter, Ordered {

    /** Before every other gateway filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final InternalHeadersProperties properties;

    InternalHeadersFilter(InternalHeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        boolean present = properties.getNames().stream().anyMatch(exchange.getRequest().getHeaders()::containsKey);
        if (!present) {
            return chain.filter(exchange);
        }
        ServerHttpRequest cleaned = exchange.getRequest().mutate()
                .headers(headers -> properties.getNames().forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

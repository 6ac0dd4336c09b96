package io.wecomsync.gateway.overload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.gateway.web.LivePathPatterns;
import io.wecomsync.gateway.web.ResultResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds callbacks beyond {@code max-in-flight} at once with an immediate 503. Without it a burst
 * faster than wx-service can store piles up inside the gateway until its heap is gone (measured: a
 * 256 MB gateway died within a minute at 1,000 callbacks/s offered). WeCom retries a refused callback
 * a few seconds later, and the reconciliation repairs anything it finally gives up on.
 */
@Component
class CallbackLoadShedding implements GlobalFilter, Ordered {

    /** After the source-IP check: a stranger's callback must not take a place. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

    private final CallbackLoadProperties properties;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;
    private final LivePathPatterns countedPaths;

    CallbackLoadShedding(CallbackLoadProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.countedPaths = new LivePathPatterns(properties::getPaths);
        this.shed = Counter.builder("wecom.gateway.callback.shed").description("callbacks refused with 503 under overload")
                .register(registry);
        Gauge.builder("wecom.gateway.callback.in-flight", inFlight, AtomicInteger::get).register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        int limit = properties.getMaxInFlight();
        if (limit == 0 || !countedPaths.matches(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            shed.increment();
            return ResultResponses.write(exchange.getResponse(), ErrorCode.OVERLOADED,
                    "more than " + limit + " callbacks in flight; try again shortly");
        }
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

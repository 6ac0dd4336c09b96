package io.wecomsync.gateway.callbackip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.gateway.web.LivePathPatterns;
import io.wecomsync.gateway.web.ResultResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.util.function.Supplier;

/** Lets a callback through only from WeCom's callback IPs (or the extra CIDRs); others get 403. */
@Component
class CallbackIpFilter implements GlobalFilter, Ordered {

    /** Right after identity headers are stripped, before anything is forwarded. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    private static final Logger log = LoggerFactory.getLogger(CallbackIpFilter.class);

    private final CallbackIpProperties properties;
    private final CallbackIpAllowList allowList;
    private final MeterRegistry registry;
    private final LivePathPatterns guardedPaths;
    private final Supplier<IpRanges> trustedProxies;

    CallbackIpFilter(CallbackIpProperties properties, CallbackIpAllowList allowList, MeterRegistry registry) {
        this.properties = properties;
        this.allowList = allowList;
        this.registry = registry;
        this.guardedPaths = new LivePathPatterns(properties::getPaths);
        this.trustedProxies = IpRanges.live(properties::getTrustedProxies);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.isEnabled() || !guardedPaths.matches(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        InetAddress client = ClientAddresses.resolve(exchange.getRequest(), trustedProxies.get());
        if (allowList.isEmpty()) {
            if (properties.isAllowWhenEmpty()) {
                return chain.filter(exchange);
            }
            return refuse(exchange, client, "empty_list", "no WeCom callback IPs are known yet");
        }
        if (client != null && allowList.allows(client)) {
            return chain.filter(exchange);
        }
        return refuse(exchange, client, "not_allowed", "the source address may not post callbacks");
    }

    private Mono<Void> refuse(ServerWebExchange exchange, InetAddress client, String reason, String message) {
        Counter.builder("wecom.gateway.callback-ip.rejected").tag("reason", reason).register(registry).increment();
        log.info("callback from {} refused ({})", client == null ? "unknown" : client.getHostAddress(), reason);
        return ResultResponses.write(exchange.getResponse(), ErrorCode.FORBIDDEN, message);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

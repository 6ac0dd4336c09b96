package io.wecomsync.gateway.callbackip;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * WeCom's callback IPs as mdm-service holds them (login-IP type {@code QYWX}), read at start and then
 * every refresh interval (every few seconds while it is empty). A failed read keeps the list it had. The configured extra CIDRs are allowed
 * as well.
 */
@Component
public class CallbackIpAllowList implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackIpAllowList.class);
    /** How often the list is read while it is empty. */
    static final Duration WHILE_EMPTY = Duration.ofSeconds(3);

    private final CallbackIpProperties properties;
    private final WebClient.Builder http;
    private final TokenMinter tokens;
    private final Counter refreshFailures;
    private volatile IpRanges fromMdm = IpRanges.EMPTY;
    private final Supplier<IpRanges> extra;
    private volatile Disposable schedule;

    CallbackIpAllowList(CallbackIpProperties properties, WebClient.Builder http, TokenMinter tokens,
                        MeterRegistry registry) {
        this.properties = properties;
        this.http = http;
        this.tokens = tokens;
        this.extra = IpRanges.live(properties::getExtraCidrs);
        this.refreshFailures = Counter.builder("wecom.gateway.callback-ip.refresh.failed")
                .description("failed reads of WeCom's callback IPs from mdm-service").register(registry);
        Gauge.builder("wecom.gateway.callback-ip.size", this, list -> list.fromMdm.source().size())
                .description("WeCom callback IPs known to the gateway").register(registry);
    }

    boolean allows(InetAddress address) {
        return fromMdm.contains(address) || extra.get().contains(address);
    }

    boolean isEmpty() {
        return fromMdm.isEmpty() && extra.get().isEmpty();
    }

    /**
     * Reads the list from mdm-service now; keeps the old one if that fails. Builds the request — and
     * mints its 5-minute token — when called: subscribe again for the next round, call again.
     */
    Mono<Void> refresh() {
        return http.build().get()
                .uri(baseUri() + "/login-ips?type={type}", properties.getLoginIpType())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.mint("gateway", Scopes.MDM_READ, Duration.ofMinutes(5)))
                .retrieve().bodyToMono(JsonNode.class)
                .timeout(Duration.ofSeconds(5))
                .doOnNext(body -> {
                    List<String> ips = new ArrayList<>();
                    body.path("data").path("ips").forEach(ip -> ips.add(ip.asText()));
                    fromMdm = IpRanges.of(ips);
                })
                .onErrorResume(e -> {
                    refreshFailures.increment();
                    log.warn("could not read WeCom callback IPs from mdm-service ({}); keeping {} known addresses",
                            e.getClass().getSimpleName(), fromMdm.source().size());
                    return Mono.empty();
                })
                .then();
    }

    /** Reads the list from mdm-service now and waits for it (operators' and tests' way to skip the interval). */
    public void refreshNow() {
        refresh().block(Duration.ofSeconds(10));
    }

    /** {@code lb://mdm-service} is asked for as {@code http://mdm-service}, which the load-balanced client resolves. */
    private String baseUri() {
        String uri = properties.getMdmUri();
        return uri.startsWith("lb://") ? "http://" + uri.substring("lb://".length()) : uri;
    }

    @Override
    public void start() {
        // the interval is read anew after each round, so a changed refresh-interval applies from the next one
        // each round builds its request anew: the service token is minted per request, never reused past its lifetime
        schedule = Mono.defer(this::refresh).then(Mono.defer(() -> Mono.delay(nextRefreshIn())))
                .repeat().subscribe();
    }

    /**
     * The refresh interval — or, while no address is known (a fresh install, mdm-service not reached yet),
     * {@link #WHILE_EMPTY} if that is sooner: the first list wx-service stores is picked up within seconds.
     */
    Duration nextRefreshIn() {
        Duration interval = properties.getRefreshInterval();
        return fromMdm.isEmpty() && WHILE_EMPTY.compareTo(interval) < 0 ? WHILE_EMPTY : interval;
    }

    @Override
    public void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isDisposed();
    }
}

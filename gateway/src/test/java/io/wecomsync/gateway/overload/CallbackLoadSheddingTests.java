package io.wecomsync.gateway.overload;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackLoadSheddingTests {

    private final CallbackLoadProperties properties = new CallbackLoadProperties();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CallbackLoadShedding filter = new CallbackLoadShedding(properties, registry);
    private final Sinks.Empty<Void> wxService = Sinks.empty();
    private final GatewayFilterChain slowWxService = exchange -> wxService.asMono();

    @Test
    void callbacksBeyondTheLimitAreRefusedAtOnceAndPlacesComeBackWhenAnswered() {
        properties.setMaxInFlight(2);
        filter.filter(callback(), slowWxService).subscribe();
        filter.filter(callback(), slowWxService).subscribe();

        MockServerWebExchange third = callback();
        filter.filter(third, slowWxService).block();

        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getBodyAsString().block()).contains("50302").contains("more than 2 callbacks in flight");
        assertThat(registry.get("wecom.gateway.callback.shed").counter().count()).isEqualTo(1);

        wxService.tryEmitEmpty();
        MockServerWebExchange afterwards = callback();
        filter.filter(afterwards, exchange -> reactor.core.publisher.Mono.empty()).block();
        assertThat(afterwards.getResponse().getStatusCode()).as("not refused").isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(registry.get("wecom.gateway.callback.in-flight").gauge().value()).isZero();
    }

    @Test
    void otherPathsAreNotCounted() {
        properties.setMaxInFlight(1);
        filter.filter(callback(), slowWxService).subscribe();

        MockServerWebExchange api = MockServerWebExchange.from(MockServerHttpRequest.get("/api/mdm/users"));
        filter.filter(api, exchange -> reactor.core.publisher.Mono.empty()).block();

        assertThat(api.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static MockServerWebExchange callback() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/wx/callback/1000002").body("<xml/>"));
    }
}

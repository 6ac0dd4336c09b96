package io.wecomsync.gateway.callbackip;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wecomsync.common.security.TokenMinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled refresh of WeCom's callback IPs mints its service token per request: the gateway
 * used to mint one 5-minute token at start-up and send it forever, so from about six minutes on
 * every refresh got 401 and the list froze.
 */
class CallbackIpAllowListTests {

    private static final String TEST_SECRET = "test-secret-shared-by-the-wecom-sync-tests";

    private final WireMockServer mdm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private CallbackIpAllowList list;

    @AfterEach
    void stop() {
        if (list != null) {
            list.stop();
        }
        mdm.stop();
    }

    @Test
    void everyRefreshCarriesAFreshTokenSoTheListKeepsUpdatingPastATokensLifetime() throws Exception {
        mdm.start();
        mdm.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(okJson("{\"code\":0,\"data\":{\"ips\":[\"101.226.103.0\"]}}")));
        // each token is minted ten minutes after the one before: twice its lifetime
        AtomicLong minted = new AtomicLong();
        Clock advancing = new Clock() {
            @Override
            public Instant instant() {
                return Instant.parse("2026-12-02T00:00:00Z").plus(Duration.ofMinutes(10 * minted.getAndIncrement()));
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        CallbackIpProperties properties = new CallbackIpProperties();
        properties.setMdmUri(mdm.baseUrl());
        properties.setRefreshInterval(Duration.ofMillis(50));
        list = new CallbackIpAllowList(properties, WebClient.builder(), new TokenMinter(TEST_SECRET, advancing),
                new SimpleMeterRegistry());

        list.start();
        for (int i = 0; i < 200 && mdm.findAll(getRequestedFor(urlPathEqualTo("/login-ips"))).size() < 3; i++) {
            Thread.sleep(20);
        }
        list.stop();

        List<String> tokens = mdm.findAll(getRequestedFor(urlPathEqualTo("/login-ips"))).stream()
                .map(LoggedRequest::getHeaders).map(headers -> headers.getHeader("Authorization").firstValue()).toList();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tokens).as("one token per request, never one reused past its lifetime").doesNotHaveDuplicates();
        assertThat(list.allows(InetAddress.getByName("101.226.103.0"))).isTrue();
    }

    @Test
    void anEmptyListIsReadAgainWithinSecondsAndAKnownOneAtTheRefreshInterval() throws Exception {
        mdm.start();
        mdm.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(okJson("{\"code\":0,\"data\":{\"ips\":[]}}")));
        CallbackIpProperties properties = new CallbackIpProperties();
        properties.setMdmUri(mdm.baseUrl());
        properties.setRefreshInterval(Duration.ofHours(6));
        list = new CallbackIpAllowList(properties, WebClient.builder(), new TokenMinter(TEST_SECRET, Clock.systemUTC()),
                new SimpleMeterRegistry());

        list.refreshNow();
        assertThat(list.nextRefreshIn()).as("nothing known yet: a fresh install").isEqualTo(CallbackIpAllowList.WHILE_EMPTY);

        mdm.stubFor(get(urlPathEqualTo("/login-ips")).willReturn(okJson("{\"code\":0,\"data\":{\"ips\":[\"101.226.103.0\"]}}")));
        list.refreshNow();
        assertThat(list.nextRefreshIn()).isEqualTo(Duration.ofHours(6));
        assertThat(list.allows(InetAddress.getByName("101.226.103.0"))).isTrue();
    }
}

package io.wecomsync.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTests {

    private static final Instant NOW = Instant.now();
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!!";

    private final TokenMinter minter = new TokenMinter(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = NOW;

    private CachingJwtDecoder decoder() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        NimbusJwtDecoder real = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        real.setJwtValidator(timestamps);
        JwtDecoder counting = token -> {
            checks.incrementAndGet();
            return real.decode(token);
        };
        return new CachingJwtDecoder(counting, 10, clock);
    }

    @Test
    void aTokenIsCheckedOnceWhileItIsValid() {
        CachingJwtDecoder decoder = decoder();
        String token = minter.mint("wx-service", Scopes.MDM_WRITE, Duration.ofMinutes(5));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() {
        CachingJwtDecoder decoder = decoder();
        String token = minter.mint("wx-service", Scopes.MDM_WRITE, Duration.ofMinutes(5));
        decoder.decode(token);

        now = NOW.plus(Duration.ofMinutes(10));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        CachingJwtDecoder decoder = decoder();
        String forged = new TokenMinter("another-secret-of-thirty-two-bytes-or-more", Clock.systemUTC())
                .mint("mallory", Scopes.ADMIN, Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(checks).hasValue(2);
    }
}

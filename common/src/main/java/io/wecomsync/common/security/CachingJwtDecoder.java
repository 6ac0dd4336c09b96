package io.wecomsync.common.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens another decoder accepted, until they expire. wx-service sends mdm-service the same
 * service token for thousands of calls; checking its signature and claims once is enough. A token is
 * only ever cached after the full check passed, and a cached one is refused from its expiry on.
 * Bounded: when {@code maxEntries} is reached the cache starts over.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = accepted.get(token);
        if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        Instant expires = jwt.getExpiresAt();
        if (expires != null) {
            if (accepted.size() >= maxEntries) {
                accepted.clear();
            }
            accepted.put(token, jwt);
        }
        return jwt;
    }
}

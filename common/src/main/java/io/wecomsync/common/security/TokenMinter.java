package io.wecomsync.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints short-lived HS256 tokens with the shared secret: a service's token for the calls it makes,
 * or an operator's token for local use.
 */
public final class TokenMinter {

    private final byte[] secret;
    private final Clock clock;

    /** @param secret the shared HMAC secret, at least 32 bytes */
    public TokenMinter(String secret, Clock clock) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("the JWT secret must be at least 32 bytes (wecom.security.jwt.secret / WECOM_JWT_SECRET)");
        }
        this.secret = bytes;
        this.clock = clock;
    }

    /** A token for {@code subject} with the given space-separated {@code scope}, valid for {@code lifetime}. */
    public String mint(String subject, String scope, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Scopes.ISSUER)
                .audience(Scopes.AUDIENCE)
                .subject(subject)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}

package io.wecomsync.common.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Instant;
import java.util.Objects;

/**
 * What every service checks of a token besides its signature: issued by {@value Scopes#ISSUER}, not
 * expired, not used before its time — and that it expires at all: Spring Security's defaults accept a
 * token without {@code exp}, which would be valid forever.
 */
public final class TokenValidation {

    private TokenValidation() {
    }

    public static OAuth2TokenValidator<Jwt> validator() {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(Scopes.ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }
}

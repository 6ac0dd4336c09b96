package io.wecomsync.common.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What every service checks of a token besides its signature. Spring Security's defaults accept a token
 * without {@code exp} (valid forever) and check no audience; ours require both.
 * <ul>
 *   <li>service tokens: issuer and audience {@value Scopes#ISSUER}, an {@code exp}, within their time;</li>
 *   <li>an identity provider's tokens: its issuer and audience where configured, an {@code exp}, within their time.</li>
 * </ul>
 */
public final class TokenValidation {

    private TokenValidation() {
    }

    public static OAuth2TokenValidator<Jwt> serviceTokens() {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new JwtIssuerValidator(Scopes.ISSUER),
                expires(), audience(Scopes.AUDIENCE));
    }

    public static OAuth2TokenValidator<Jwt> identityProviderTokens(IdentityProvider provider) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>(List.of(new JwtTimestampValidator(), expires()));
        if (IdentityProvider.hasText(provider.issuer())) {
            checks.add(new JwtIssuerValidator(provider.issuer().trim()));
        }
        if (IdentityProvider.hasText(provider.audience())) {
            checks.add(audience(provider.audience().trim()));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    /**
     * Whether {@code token} claims to be one of our service tokens (its {@code iss} is {@value Scopes#ISSUER}),
     * read before any check, only to choose which check applies.
     */
    public static boolean claimsToBeServiceToken(String token) {
        try {
            return Scopes.ISSUER.equals(com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            throw new BadJwtException("the token is not a JWT");
        }
    }

    private static OAuth2TokenValidator<Jwt> expires() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    private static OAuth2TokenValidator<Jwt> audience(String required) {
        return new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(required));
    }
}

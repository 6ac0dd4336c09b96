package io.wecomsync.gateway.security;

import io.wecomsync.common.security.IdentityProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wecom.security.jwt.*}: how tokens are checked. The shared HS256 {@code secret} (always: service
 * tokens are signed and checked with it) and, where operators log in through an identity provider,
 * its {@code jwkSetUri}, {@code idpIssuer} and {@code idpAudience}.
 */
@ConfigurationProperties("wecom.security.jwt")
public record JwtProperties(String secret, String jwkSetUri, String idpIssuer, String idpAudience) {

    public IdentityProvider identityProvider() {
        return new IdentityProvider(jwkSetUri, idpIssuer, idpAudience);
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=" + (secret == null ? "none" : "***") + ", jwkSetUri=" + jwkSetUri
                + ", idpIssuer=" + idpIssuer + ", idpAudience=" + idpAudience + "]";
    }
}

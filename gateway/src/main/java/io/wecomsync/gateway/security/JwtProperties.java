package io.wecomsync.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wecom.security.jwt.*}: how tokens are checked. Either the shared HS256 {@code secret}
 * (default; also what service tokens are signed with) or, in production with an identity provider,
 * its {@code jwkSetUri}.
 */
@ConfigurationProperties("wecom.security.jwt")
public record JwtProperties(String secret, String jwkSetUri) {

    public boolean usesJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=" + (secret == null ? "none" : "***") + ", jwkSetUri=" + jwkSetUri + "]";
    }
}

package io.wecomsync.common.security;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import java.util.Set;

/**
 * An identity provider whose tokens the services accept beside their own service tokens
 * ({@code wecom.security.jwt.jwk-set-uri}, {@code idp-issuer}, {@code idp-audience}). A token is sent to
 * the provider's check when its issuer is not {@value Scopes#ISSUER}; the provider's tokens carry
 * the same {@code scope} values as ours.
 *
 * @param jwkSetUri the provider's JWK set; blank when there is no provider
 * @param issuer    the {@code iss} its tokens must carry; blank accepts any issuer other than ours
 * @param audience  a value its tokens' {@code aud} must contain; blank checks no audience
 */
public record IdentityProvider(String jwkSetUri, String issuer, String audience) {

    /** What providers sign with: RSA (RS*, PS*) and elliptic-curve (ES*) keys. */
    public static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);

    public static final IdentityProvider NONE = new IdentityProvider(null, null, null);

    public IdentityProvider {
        if (hasText(issuer) && Scopes.ISSUER.equals(issuer.trim())) {
            throw new IllegalStateException("wecom.security.jwt.idp-issuer must not be '" + Scopes.ISSUER
                    + "': that issuer names wecom-sync's own service tokens");
        }
        if (!hasText(jwkSetUri) && (hasText(issuer) || hasText(audience))) {
            throw new IllegalStateException("wecom.security.jwt.idp-issuer / idp-audience are set but jwk-set-uri"
                    + " (WECOM_JWT_JWK_SET_URI) is not: the identity provider's keys are needed to check its tokens");
        }
    }

    public boolean configured() {
        return hasText(jwkSetUri);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

package io.wecomsync.common.security;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.web.ServletResults;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What mdm-service and wx-service share about checking tokens: the decoder (our HS256 service tokens,
 * and an identity provider's tokens where one is configured) and stateless resource-server setup whose
 * 401/403 answers are {@code Result}s. Each service adds its own path rules.
 */
public final class ServletTokenSecurity {

    private ServletTokenSecurity() {
    }

    /**
     * Our HS256 service tokens, checked with the shared {@code secret}, and — when {@code provider} is
     * configured — the identity provider's tokens, checked against its JWK set; which check applies
     * is chosen by the token's issuer. Accepted tokens are remembered until they expire.
     */
    public static JwtDecoder decoder(String secret, IdentityProvider provider) {
        NimbusJwtDecoder ours = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secretBytes(secret), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        ours.setJwtValidator(TokenValidation.serviceTokens());
        JwtDecoder decoder = ours;
        if (provider.configured()) {
            NimbusJwtDecoder theirs = NimbusJwtDecoder.withJwkSetUri(provider.jwkSetUri().trim())
                    .jwsAlgorithms(algorithms -> algorithms.addAll(IdentityProvider.ALGORITHMS)).build();
            theirs.setJwtValidator(TokenValidation.identityProviderTokens(provider));
            decoder = token -> TokenValidation.claimsToBeServiceToken(token) ? ours.decode(token) : theirs.decode(token);
        }
        return new CachingJwtDecoder(decoder, 10_000, Clock.systemUTC());
    }

    /**
     * The shared secret as bytes; required in every mode, since the services call each other with
     * service tokens signed with it even where operators log in through an identity provider.
     */
    public static byte[] secretBytes(String secret) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("Set WECOM_JWT_SECRET (wecom.security.jwt.secret, at least 32 bytes, the same"
                    + " for all services): the services sign and check their own service tokens with it, also when"
                    + " operators' tokens come from an identity provider (WECOM_JWT_JWK_SET_URI)");
        }
        return key;
    }

    /** Stateless, no CSRF or sessions, bearer tokens only; 401 and 403 answered as {@code Result}. */
    public static HttpSecurity statelessResourceServer(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                ServletResults.write(response, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
        AccessDeniedHandler denied = (request, response, e) ->
                ServletResults.write(response, ErrorCode.FORBIDDEN, "the token's scopes do not allow this");
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    }

    /**
     * Requests that arrived on the management port, when one is set apart ({@code management.server.port}):
     * Prometheus scrapes it without a token, so it must be bound where only the scraper reaches it
     * ({@code management.server.address}, loopback unless set).
     */
    public static RequestMatcher managementPort(Environment environment) {
        return request -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            return management != null && management > 0 && !management.equals(server)
                    && request.getLocalPort() == management;
        };
    }

    /** {@code SCOPE_x} authorities, as Spring Security names a token's scopes. */
    public static String[] scopes(String... scopes) {
        String[] authorities = new String[scopes.length];
        for (int i = 0; i < scopes.length; i++) {
            authorities[i] = "SCOPE_" + scopes[i];
        }
        return authorities;
    }

}

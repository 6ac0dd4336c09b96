package io.wecomsync.common.security;

import io.wecomsync.common.api.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What mdm-service and wx-service share about checking tokens: the decoder (HS256 shared secret or a
 * JWK set, issuer {@value Scopes#ISSUER}) and stateless resource-server setup whose 401/403 answers
 * are {@code Result}s. Each service adds its own path rules.
 */
public final class ServletTokenSecurity {

    private ServletTokenSecurity() {
    }

    public static JwtDecoder decoder(String secret, String jwkSetUri) {
        NimbusJwtDecoder decoder;
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else {
            byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("Set WECOM_JWT_SECRET (wecom.security.jwt.secret, at least 32 bytes) "
                        + "or wecom.security.jwt.jwk-set-uri: tokens cannot be checked without one");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        decoder.setJwtValidator(TokenValidation.validator());
        return new CachingJwtDecoder(decoder, 10_000, Clock.systemUTC());
    }

    /** Stateless, no CSRF or sessions, bearer tokens only; 401 and 403 answered as {@code Result}. */
    public static HttpSecurity statelessResourceServer(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                write(response, ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
        AccessDeniedHandler denied = (request, response, e) ->
                write(response, ErrorCode.FORBIDDEN, "the token's scopes do not allow this");
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

    /** {@code SCOPE_x} authorities, as Spring Security names a token's scopes. */
    public static String[] scopes(String... scopes) {
        String[] authorities = new String[scopes.length];
        for (int i = 0; i < scopes.length; i++) {
            authorities[i] = "SCOPE_" + scopes[i];
        }
        return authorities;
    }

    private static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"code\":" + code.code() + ",\"msg\":\"" + message + "\",\"data\":null}");
    }
}

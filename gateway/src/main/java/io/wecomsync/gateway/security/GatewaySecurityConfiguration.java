package io.wecomsync.gateway.security;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.security.TokenValidation;
import io.wecomsync.gateway.web.ResultResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * Spring Security for the gateway: JWT resource server for everything not on
 * {@code secure.ignore.urls}; 401 and 403 answered as {@code Result}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, IgnoredPaths ignoredPaths) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> ResultResponses.write(exchange.getResponse(),
                ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
        ServerAccessDeniedHandler denied = (exchange, e) -> ResultResponses.write(exchange.getResponse(),
                ErrorCode.FORBIDDEN, "the token does not allow this");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(ignoredPaths).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.usesJwkSet()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            byte[] secret = properties.secret() == null ? new byte[0] : properties.secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("Set WECOM_JWT_SECRET (wecom.security.jwt.secret, at least 32 bytes) "
                        + "or wecom.security.jwt.jwk-set-uri: the gateway cannot check tokens without one");
            }
            decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        decoder.setJwtValidator(TokenValidation.validator());
        return decoder;
    }
}

package io.wecomsync.gateway.security;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.security.IdentityProvider;
import io.wecomsync.common.security.NoSecurityObservations;
import io.wecomsync.common.security.ServletTokenSecurity;
import io.wecomsync.common.security.TokenValidation;
import io.wecomsync.gateway.web.ResultResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import reactor.core.publisher.Mono;

import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;

/**
 * Spring Security for the gateway: JWT resource server for everything not on
 * {@code secure.ignore.urls}; 401 and 403 answered as {@code Result}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(NoSecurityObservations.class)
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, IgnoredPaths ignoredPaths, Environment environment) {
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
                        .matchers(managementPort(environment)).permitAll()
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

    /**
     * Requests that arrived on the management port, when one is set apart ({@code management.server.port}):
     * Prometheus scrapes it without a token, so it must be bound where only the scraper reaches it
     * ({@code management.server.address}).
     */
    static ServerWebExchangeMatcher managementPort(Environment environment) {
        return exchange -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean matches = management != null && management > 0 && !management.equals(server)
                    && local != null && local.getPort() == management;
            return matches ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * Our HS256 service tokens and, where configured, the identity provider's tokens, chosen by the
     * token's issuer (the same rules as the services' decoders).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder ours = NimbusReactiveJwtDecoder.withSecretKey(
                new SecretKeySpec(ServletTokenSecurity.secretBytes(properties.secret()), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        ours.setJwtValidator(TokenValidation.serviceTokens());
        IdentityProvider provider = properties.identityProvider();
        if (!provider.configured()) {
            return ours;
        }
        NimbusReactiveJwtDecoder theirs = NimbusReactiveJwtDecoder.withJwkSetUri(provider.jwkSetUri().trim())
                .jwsAlgorithms(algorithms -> algorithms.addAll(IdentityProvider.ALGORITHMS)).build();
        theirs.setJwtValidator(TokenValidation.identityProviderTokens(provider));
        return token -> Mono.fromCallable(() -> TokenValidation.claimsToBeServiceToken(token))
                .flatMap(service -> service ? ours.decode(token) : theirs.decode(token));
    }
}

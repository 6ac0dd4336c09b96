package io.wecomsync.wx.security;

import io.wecomsync.common.security.IdentityProvider;
import io.wecomsync.common.security.NoSecurityObservations;
import io.wecomsync.common.security.ServletTokenSecurity;
import io.wecomsync.common.security.TokenMinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

import static io.wecomsync.common.security.Scopes.ADMIN;
import static io.wecomsync.common.security.Scopes.WX_READ;
import static io.wecomsync.common.security.ServletTokenSecurity.scopes;

@Configuration(proxyBeanMethods = false)
@Import(NoSecurityObservations.class)
class WxSecurityConfiguration {

    /**
     * WeCom's callbacks carry no token: they are checked by their signature (the callback package).
     * Their own chain keeps only what applies to them — the security headers and a permit — so the
     * hottest path of the service does not run a dozen token, session and request-cache filters that
     * have nothing to do.
     */
    @Bean
    @Order(1)
    SecurityFilterChain callbackSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/callback/**")
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain wxSecurity(HttpSecurity http, Environment environment) throws Exception {
        return ServletTokenSecurity.statelessResourceServer(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ServletTokenSecurity.managementPort(environment)).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/admin/**").hasAnyAuthority(scopes(ADMIN, WX_READ))
                        .anyRequest().hasAnyAuthority(scopes(ADMIN)))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${wecom.security.jwt.secret:}") String secret,
                          @Value("${wecom.security.jwt.jwk-set-uri:}") String jwkSetUri,
                          @Value("${wecom.security.jwt.idp-issuer:}") String idpIssuer,
                          @Value("${wecom.security.jwt.idp-audience:}") String idpAudience) {
        return ServletTokenSecurity.decoder(secret, new IdentityProvider(jwkSetUri, idpIssuer, idpAudience));
    }

    /** wx-service signs its service tokens with the shared secret (required even when users log in via a JWK set). */
    @Bean
    TokenMinter tokenMinter(@Value("${wecom.security.jwt.secret:}") String secret, Clock clock) {
        return new TokenMinter(secret, clock);
    }
}

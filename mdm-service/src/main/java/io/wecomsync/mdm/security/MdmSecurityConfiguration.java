package io.wecomsync.mdm.security;

import io.wecomsync.common.security.IdentityProvider;
import io.wecomsync.common.security.NoSecurityObservations;
import io.wecomsync.common.security.ServletTokenSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static io.wecomsync.common.security.Scopes.ADMIN;
import static io.wecomsync.common.security.Scopes.MDM_CRM;
import static io.wecomsync.common.security.Scopes.MDM_LOGIN_IP;
import static io.wecomsync.common.security.Scopes.MDM_READ;
import static io.wecomsync.common.security.Scopes.MDM_WRITE;
import static io.wecomsync.common.security.ServletTokenSecurity.scopes;

/**
 * Reads need {@code mdm.read} (or write/admin); directory writes {@code mdm.write}; replacing a
 * login-IP list {@code mdm.loginip}; a CRM push {@code mdm.crm}; {@code /admin/**} (the outbox) only
 * {@code admin}, who may do everything.
 */
@Configuration(proxyBeanMethods = false)
@Import(NoSecurityObservations.class)
class MdmSecurityConfiguration {

    @Bean
    SecurityFilterChain mdmSecurity(HttpSecurity http, Environment environment) throws Exception {
        return ServletTokenSecurity.statelessResourceServer(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ServletTokenSecurity.managementPort(environment)).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error").permitAll()
                        // the outbox's delivery state holds no personal data: readers (the console's viewers) see it
                        .requestMatchers(HttpMethod.GET, "/admin/outbox").hasAnyAuthority(scopes(ADMIN, MDM_READ))
                        .requestMatchers("/admin/**").hasAnyAuthority(scopes(ADMIN))
                        .requestMatchers(HttpMethod.PUT, "/login-ips/**").hasAnyAuthority(scopes(ADMIN, MDM_LOGIN_IP))
                        .requestMatchers(HttpMethod.POST, "/login-ips/**").hasAnyAuthority(scopes(ADMIN, MDM_LOGIN_IP))
                        .requestMatchers(HttpMethod.POST, "/users/*/crm-sync").hasAnyAuthority(scopes(ADMIN, MDM_CRM))
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyAuthority(scopes(ADMIN, MDM_READ, MDM_WRITE))
                        // a read whose criteria (mobile, email) must not travel in the URL
                        .requestMatchers(HttpMethod.POST, "/users/search").hasAnyAuthority(scopes(ADMIN, MDM_READ, MDM_WRITE))
                        .anyRequest().hasAnyAuthority(scopes(ADMIN, MDM_WRITE)))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${wecom.security.jwt.secret:}") String secret,
                          @Value("${wecom.security.jwt.jwk-set-uri:}") String jwkSetUri,
                          @Value("${wecom.security.jwt.idp-issuer:}") String idpIssuer,
                          @Value("${wecom.security.jwt.idp-audience:}") String idpAudience) {
        return ServletTokenSecurity.decoder(secret, new IdentityProvider(jwkSetUri, idpIssuer, idpAudience));
    }
}

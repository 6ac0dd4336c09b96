package io.wecomsync.console.security;

import io.wecomsync.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may see and do what: every page needs a login (a local account, WeCom, or an OIDC provider when one
 * is registered); viewers read, only admins act (every POST but the logout). CSRF tokens on every form (Spring Security's default), a strict Content-Security-Policy (no
 * inline script or style, nothing from elsewhere), no framing. The session cookie's flags and time-out
 * are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcProviders,
                                ConsoleRoles roles, ObjectProvider<WeComLogin> weCom, ConsoleProperties properties) throws Exception {
        if (oidcProviders.getIfAvailable() != null) {
            OidcOperators operators = new OidcOperators(roles, weCom, properties);
            http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/", true)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(operators))
                    .failureHandler((request, response, failure) -> {
                        boolean noRole = failure instanceof OAuth2AuthenticationException refused
                                && OidcOperators.NO_ROLE.equals(refused.getError().getErrorCode());
                        if (!noRole) {
                            log.warn("OIDC sign-in failed: {}", failure.getMessage());
                        }
                        response.sendRedirect(request.getContextPath() + (noRole ? "/login?refused=norole" : "/login?refused=failed"));
                    }));
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/oauth2/**", "/login/oauth2/**").permitAll()
                        .requestMatchers("/login", "/login/wecom", "/login/wecom/callback", "/css/**", "/js/**", "/webjars/**", "/denied", "/error", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .requestMatchers(HttpMethod.POST, "/**").hasRole(Operator.ADMIN)
                        .anyRequest().hasAnyRole(Operator.ADMIN, Operator.VIEWER))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService localAccounts(ConsoleProperties properties, PasswordEncoder encoder) {
        ConsoleProperties.Local local = properties.local();
        List<UserDetails> users = new ArrayList<>();
        users.add(User.withUsername(local.adminUsername()).password(encoder.encode(local.adminPassword()))
                .roles(Operator.ADMIN).build());
        if (local.viewerPassword() != null && !local.viewerPassword().isBlank()) {
            users.add(User.withUsername(local.viewerUsername()).password(encoder.encode(local.viewerPassword()))
                    .roles(Operator.VIEWER).build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}

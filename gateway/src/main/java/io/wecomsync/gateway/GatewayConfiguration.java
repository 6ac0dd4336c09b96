package io.wecomsync.gateway;

import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.gateway.security.JwtProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** Resolves {@code lb://} service names through Spring Cloud LoadBalancer (static or Nacos). */
    @Bean
    @LoadBalanced
    WebClient.Builder loadBalancedWebClient() {
        return WebClient.builder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Mints the gateway's own service tokens with the shared secret (required in every mode). */
    @Bean
    TokenMinter tokenMinter(JwtProperties jwt) {
        return new TokenMinter(jwt.secret(), Clock.systemUTC());
    }
}

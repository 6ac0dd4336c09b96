package io.wecomsync.mdm.web;

import io.wecomsync.common.web.RequestBodyLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** How large a request mdm-service reads: {@code mdm.api.max-body-size}, refused with 413 before the token is even checked. */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ApiProperties properties) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxBodySize().toBytes()));
        // after the request's observation (so a refusal is traced and counted), before Spring Security (-100)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}

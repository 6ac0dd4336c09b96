package io.wecomsync.wx.mdm;

import feign.RequestInterceptor;
import io.wecomsync.wx.security.ServiceToken;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = MdmClient.class)
class MdmClientConfiguration {

    /** Every call to mdm-service carries wx-service's own service token. */
    @Bean
    RequestInterceptor serviceTokenInterceptor(ServiceToken token) {
        return template -> template.header(HttpHeaders.AUTHORIZATION, token.bearer());
    }
}

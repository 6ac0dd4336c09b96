package io.wecomsync.mdm.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the API in {@code /v3/api-docs} and Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI mdmOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info()
                .title("mdm-service API")
                .description("Master data kept in step with WeCom: users, departments, tags, login-IP whitelist, "
                        + "CRM push and the operation log. Every answer is a Result {code, msg, data}.")
                .version(properties != null ? properties.getVersion() : "dev"));
    }
}

package io.wecomsync.mdm.crm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Where the CRM is ({@code mdm.crm.*}). With no {@code base-url} every push is recorded as SKIPPED.
 *
 * @param baseUrl e.g. {@code https://crm.example.com}; empty = no CRM
 * @param path    the path users are POSTed to
 * @param timeout connect and read time-out of one push
 */
@Validated
@ConfigurationProperties("mdm.crm")
public record CrmProperties(
        @Pattern(regexp = "^$|^https?://[^\\s]+$", message = "must be an http(s) URL or empty") String baseUrl,
        @NotBlank @Pattern(regexp = "^/.*", message = "must start with '/'") @DefaultValue("/api/users/sync") String path,
        @NotNull @DefaultValue("5s") Duration timeout) {

    public boolean isConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}

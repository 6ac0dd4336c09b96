package io.wecomsync.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code console.*}.
 *
 * @param gatewayUrl    where the console reaches wx-service and mdm-service (the gateway's own URL)
 * @param tokenLifetime how long a token minted for one operator's calls lives
 * @param local         the local accounts (the embedded default's login; an identity provider comes later)
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String gatewayUrl,
        @NotNull @DefaultValue("5m") Duration tokenLifetime,
        @Valid @NotNull @DefaultValue Local local) {

    /**
     * @param adminPassword  the admin's password (CONSOLE_LOCAL_ADMIN_PASSWORD; the launcher makes one and
     *                       prints it); at least 12 characters, no default
     * @param viewerPassword the viewer's, optional: without it there is no viewer account
     */
    public record Local(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}") @DefaultValue("admin") String adminUsername,
            @NotBlank(message = "must be set (CONSOLE_LOCAL_ADMIN_PASSWORD)") @Size(min = 12, max = 128) String adminPassword,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}") @DefaultValue("viewer") String viewerUsername,
            @Pattern(regexp = "|.{12,128}", message = "must be empty (no viewer) or 12 to 128 characters") String viewerPassword) {

        @Override
        public String toString() {
            return "Local[adminUsername=" + adminUsername + ", viewerUsername=" + viewerUsername + ", passwords hidden]";
        }
    }
}

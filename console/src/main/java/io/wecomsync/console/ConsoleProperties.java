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
 * @param loginIpType   the login-IP list that holds WeCom's callback addresses (as wx-service's job writes it)
 * @param local         the local accounts (the embedded default's login)
 * @param wecom         login with WeCom (扫码登录; in the WeCom app, its authorization page)
 * @param oidc          login with an OIDC provider
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String gatewayUrl,
        @NotNull @DefaultValue("5m") Duration tokenLifetime,
        @NotBlank @DefaultValue("QYWX") String loginIpType,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue WeCom wecom,
        @Valid @NotNull @DefaultValue Oidc oidc) {

    /**
     * Sign-in with an OIDC provider, on when one is registered under {@code spring.security.oauth2.client}.
     *
     * @param useridClaim the ID token's claim that holds the operator's WeCom userid (their roles follow it)
     */
    public record Oidc(@NotBlank @DefaultValue("preferred_username") String useridClaim) {
    }

    /**
     * Login with WeCom through one of the corp's self-built apps (its 可信域名 must hold the console's host).
     *
     * @param enabled     off by default
     * @param corpId      the corp
     * @param agentId     the app whose login it is
     * @param secret      the app's secret (CONSOLE_WECOM_SECRET), to ask WeCom whose code it is and read role tags
     * @param apiBaseUrl  WeCom's API (the simulator's on the embedded default)
     * @param loginUrl    WeCom's QR-code login page
     * @param redirectUri where WeCom sends the browser back ({@code …/console/login/wecom/callback}); empty:
     *                    this request's own URL, as the gateway forwards it
     */
    public record WeCom(
            @DefaultValue("false") boolean enabled,
            @Pattern(regexp = "|[A-Za-z0-9_-]{1,64}") @DefaultValue("") String corpId,
            Integer agentId,
            @DefaultValue("") String secret,
            @NotBlank @DefaultValue("https://qyapi.weixin.qq.com") String apiBaseUrl,
            @NotBlank @DefaultValue("https://login.work.weixin.qq.com/wwlogin/sso/login") String loginUrl,
            @DefaultValue("") String redirectUri) {

        public WeCom {
            if (enabled && (corpId.isBlank() || agentId == null || secret.isBlank())) {
                throw new IllegalArgumentException("console.wecom.enabled needs corp-id, agent-id and secret (CONSOLE_WECOM_SECRET)");
            }
        }

        @Override
        public String toString() {
            return "WeCom[enabled=" + enabled + ", corpId=" + corpId + ", agentId=" + agentId + ", secret hidden]";
        }
    }

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

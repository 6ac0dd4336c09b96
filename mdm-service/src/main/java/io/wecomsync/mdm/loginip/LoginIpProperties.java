package io.wecomsync.mdm.loginip;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code mdm.login-ips.*}.
 *
 * @param shrinkGrace when a replace would shrink a list by more than half — more likely a partial
 *                    answer than WeCom dropping most of its addresses at once — the addresses it no
 *                    longer lists are kept until they have gone unlisted this long (logged as a warning
 *                    in the operation log); 0 turns the protection off
 */
@Validated
@ConfigurationProperties("mdm.login-ips")
public record LoginIpProperties(@NotNull @DefaultValue("24h") Duration shrinkGrace) {
}

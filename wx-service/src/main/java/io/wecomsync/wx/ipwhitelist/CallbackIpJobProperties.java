package io.wecomsync.wx.ipwhitelist;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code wx.jobs.callback-ip.*}.
 *
 * @param cron        when the job runs (Quartz cron; default every six hours — WeCom asks for at least daily)
 * @param loginIpType mdm-service's list it replaces
 * @param refreshWhenEmpty at start-up, while mdm-service's list is empty (a fresh install), run the job at
 *                    once and look again (15 s, doubling up to 10 min) until it is filled — the gateway
 *                    refuses WeCom, even its URL verification, until the list is there
 */
@Validated
@ConfigurationProperties("wx.jobs.callback-ip")
public record CallbackIpJobProperties(@NotBlank @DefaultValue("0 0 */6 * * ?") String cron,
                                      @NotBlank @DefaultValue("QYWX") String loginIpType,
                                      @DefaultValue("true") boolean refreshWhenEmpty) {
}

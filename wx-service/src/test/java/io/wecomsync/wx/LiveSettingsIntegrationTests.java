package io.wecomsync.wx;

import io.wecomsync.wx.ipwhitelist.CallbackIpJobProperties;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.contactChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings a Nacos push changes take effect without a restart. */
class LiveSettingsIntegrationTests extends WxIntegrationTest {

    private static final long T = Instant.parse("2026-11-24T08:00:00Z").getEpochSecond();

    @Autowired
    Scheduler scheduler;

    @Test
    void aChangedInboxRetrySettingIsUsedByTheNextRetry() {
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        changeSettings(Map.of("wx.inbox.retry.max-age", "1ms"));

        post(contactChange(CORP_WITH_READER, "update_user", T, "UserID", "live1", "Position", "p"));
        worker.runOnce();

        assertThat(jdbc.queryForObject("SELECT status FROM wx_inbox_event", String.class))
                .as("with the age limit lowered, waiting for mdm-service ends at once").isEqualTo("DEAD");
    }

    @Test
    void aChangedResilience4jRetryIsUsedByTheNextCall() {
        MDM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        post(contactChange(CORP_WITH_READER, "update_user", T, "UserID", "live2", "Position", "p"));
        worker.runOnce();
        MDM.verify(3, anyRequestedFor(anyUrl()));

        MDM.resetRequests();
        changeSettings(Map.of("resilience4j.retry.instances.mdm.max-attempts", "1"));
        post(contactChange(CORP_WITH_READER, "update_user", T, "UserID", "live3", "Position", "p"));
        jdbc.update("UPDATE wx_inbox_event SET status = 'DONE' WHERE entity_key LIKE '%live2'");
        worker.runOnce();

        MDM.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChangedCronReschedulesTheCallbackIpJob() throws Exception {
        changeSettings(Map.of("wx.jobs.callback-ip.cron", "0 15 3 * * ?"));

        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("wecom-callback-ip"));
        assertThat(trigger.getCronExpression()).isEqualTo("0 15 3 * * ?");

        changeSettings(Map.of());
        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("wecom-callback-ip"))).getCronExpression())
                .isEqualTo(new CallbackIpJobProperties("0 0 */6 * * ?", "QYWX", true).cron());
    }
}

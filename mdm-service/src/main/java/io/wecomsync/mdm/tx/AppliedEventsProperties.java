package io.wecomsync.mdm.tx;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code mdm.applied-events.*}: how long mdm-service remembers which source events it applied.
 *
 * @param retention records older than this are deleted (hourly, in small batches). An event repeated
 *                  later than that is applied again, which changes nothing that a newer event set (the
 *                  per-field event times see to that); keep it well beyond wx-service's
 *                  {@code wx.inbox.retry.max-age} (72 h). At least a day.
 */
@Validated
@ConfigurationProperties("mdm.applied-events")
public record AppliedEventsProperties(@NotNull @DefaultValue("30d") Duration retention) {

    public AppliedEventsProperties {
        if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("mdm.applied-events.retention must be at least 1d, got " + retention);
        }
    }
}

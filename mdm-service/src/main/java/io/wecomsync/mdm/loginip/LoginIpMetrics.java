package io.wecomsync.mdm.loginip;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wecom.login.ip.age} (seconds, per list type): how long ago a replace last listed the list — for
 * {@code QYWX}, how stale WeCom's callback IPs are in every gateway. Read every fifteen seconds, not per scrape.
 */
@Component
class LoginIpMetrics {

    private static final Logger log = LoggerFactory.getLogger(LoginIpMetrics.class);

    private final LoginIpMapper mapper;
    private final MultiGauge ages;
    private final Clock clock;

    LoginIpMetrics(LoginIpMapper mapper, MeterRegistry registry, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
        this.ages = MultiGauge.builder("wecom.login.ip.age").baseUnit("seconds")
                .description("time since a login-IP list (QYWX: WeCom's callback IPs) was last refreshed").register(registry);
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 15_000)
    void read() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            Instant now = clock.instant();
            for (LoginIpMapper.LastListed list : mapper.lastListed()) {
                if (list.listedAt() != null) {
                    rows.add(MultiGauge.Row.of(Tags.of("type", list.type()),
                            Math.max(0, Duration.between(list.listedAt(), now).toMillis() / 1000.0)));
                }
            }
            ages.register(rows, true);
        } catch (RuntimeException e) {
            log.debug("login-IP list ages not read: {}", e.toString());
        }
    }
}

package io.wecomsync.wx.inbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeFirstTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private InboxProperties.IntakeFirst settings = new InboxProperties.IntakeFirst(100, Duration.ofSeconds(5));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IntakeFirst intake = new IntakeFirst(() -> settings, now::get, registry);

    @Test
    void aSteadyFlowBelowTheThresholdIsAppliedAsItComes() {
        for (int second = 0; second < 10; second++) {
            store(99);
            assertThat(intake.pauseClaiming()).isZero();
            advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void duringABurstTheWorkerHoldsOffAndResumesWhenItEnds() {
        store(100);
        assertThat(intake.pauseClaiming()).isEqualTo(IntakeFirst.RECHECK);

        advance(Duration.ofSeconds(1));
        store(150);
        assertThat(intake.pauseClaiming()).as("still arriving").isPositive();

        advance(Duration.ofSeconds(1));
        assertThat(intake.pauseClaiming()).as("the last full second was a burst").isPositive();

        assertThat(registry.get("wecom.inbox.intake-first.holding").gauge().value()).isEqualTo(1);

        advance(Duration.ofSeconds(1));
        assertThat(intake.pauseClaiming()).as("a quiet second: apply").isZero();
        assertThat(registry.get("wecom.inbox.intake-first.holding").gauge().value()).isZero();
        assertThat(registry.get("wecom.inbox.intake-first.holds").counter().count()).as("one hold").isEqualTo(1);
    }

    @Test
    void aLongFloodIsHeldBackOnlyForMaxHoldThenAppliedAlongside() {
        for (int second = 0; second < 5; second++) {
            store(200);
            assertThat(intake.pauseClaiming()).as("second %d", second).isPositive();
            advance(Duration.ofSeconds(1));
        }
        for (int second = 5; second < 20; second++) {
            store(200);
            assertThat(intake.pauseClaiming()).as("second %d of the flood", second).isZero();
            advance(Duration.ofSeconds(1));
        }

        advance(Duration.ofSeconds(2));
        assertThat(intake.pauseClaiming()).as("the flood is over").isZero();
        store(200);
        assertThat(intake.pauseClaiming()).as("the next burst is held again").isPositive();
        assertThat(registry.get("wecom.inbox.intake-first.holds").counter().count()).isEqualTo(2);
    }

    @Test
    void zeroTurnsItOffAtOnce() {
        store(1_000);
        assertThat(intake.pauseClaiming()).isPositive();

        settings = new InboxProperties.IntakeFirst(0, Duration.ofSeconds(5));

        assertThat(intake.pauseClaiming()).isZero();
    }

    private void store(int callbacks) {
        for (int i = 0; i < callbacks; i++) {
            intake.stored();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}

package io.wecomsync.wx.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    /** 0.5 puts the jitter in the middle: the backoff as configured. */
    private static final DoubleSupplier NO_JITTER = () -> 0.5;
    /** 2 s doubling up to 10 min, 3 attempts, waits capped at 30 s, dead after 72 h. */
    private final InboxProperties.Retry retry = new InboxProperties.Retry(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(10),
            3, 0.2, Duration.ofSeconds(30), Duration.ofHours(72));

    @Test
    void appliedIgnoredAndDeadAreFinalAtOnceWithWhatTheHandlerSaid() {
        InboxEvent event = event(1, 0, NOW);

        assertThat(Resolution.of(event, new HandlerOutcome.Done(List.of(), "WeCom answered 60111"), retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.DONE, NOW, "WeCom answered 60111"));
        assertThat(Resolution.of(event, new HandlerOutcome.Ignored("not a contact change"), retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.IGNORED, NOW, "not a contact change"));
        assertThat(Resolution.of(event, new HandlerOutcome.Dead("mdm-service refused: 400"), retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.DEAD, NOW, "mdm-service refused: 400"));
    }

    @Test
    void aFailedTryIsDueAgainAfterAGrowingBackoffAndDeadAfterItsLastAttempt() {
        HandlerOutcome failed = new HandlerOutcome.Retry("NullPointerException");

        assertThat(Resolution.of(event(1, 0, NOW), failed, retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.FAILED, NOW.plusSeconds(2), "NullPointerException"));
        assertThat(Resolution.of(event(2, 0, NOW), failed, retry, NOW, NO_JITTER).nextAttemptAt()).isEqualTo(NOW.plusSeconds(4));
        assertThat(Resolution.of(event(3, 0, NOW), failed, retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.DEAD, NOW, "gave up after 3 attempts: NullPointerException"));
    }

    @Test
    void waitingForADependencyUsesNoAttemptsAndItsBackoffStaysShort() {
        HandlerOutcome down = new HandlerOutcome.Wait("mdm-service unavailable");

        // already at its last attempt, and waited twenty times: still only waiting
        Resolution resolution = Resolution.of(event(3, 20, NOW.minus(Duration.ofHours(5))), down, retry, NOW, NO_JITTER);

        assertThat(resolution.status()).isEqualTo(EventStatus.FAILED);
        assertThat(resolution.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(resolution.note()).isEqualTo("waiting: mdm-service unavailable");
    }

    @Test
    void anEventOlderThanTheMaxAgeIsDeadWhetherItWaitedOrFailed() {
        InboxEvent old = event(1, 0, NOW.minus(Duration.ofHours(72)).minusSeconds(1));

        assertThat(Resolution.of(old, new HandlerOutcome.Wait("Redis down"), retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.DEAD, NOW, "not applied within PT72H: Redis down"));
        assertThat(Resolution.of(old, new HandlerOutcome.Retry("timeout"), retry, NOW, NO_JITTER))
                .isEqualTo(new Resolution(EventStatus.DEAD, NOW, "not applied within PT72H: timeout"));
        assertThat(Resolution.of(event(1, 0, NOW.minus(Duration.ofHours(72))), new HandlerOutcome.Retry("timeout"), retry, NOW,
                NO_JITTER).status()).as("exactly the max age is not older").isEqualTo(EventStatus.FAILED);
    }

    private static InboxEvent event(int attempt, int waits, Instant receivedAt) {
        return new InboxEvent(7, "corp", 1000002, InboundEvent.EventSource.CALLBACK, "change_contact", "update_user",
                "user:corp:zhangsan", receivedAt, "<xml/>", attempt, waits, receivedAt, 1, null);
    }
}

package io.wecomsync.mdm.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code mdm.outbox.*}: how the relay delivers recorded user changes. Read at start.
 *
 * @param relayEnabled whether this instance delivers (recording changes happens either way)
 * @param batchSize    deliveries claimed per round
 * @param concurrency  deliveries made at once
 * @param pollInterval how often an idle relay looks for due deliveries (a new change wakes it at once)
 * @param lease        how long a claimed delivery is this relay's; far longer than one call's time-out
 * @param retry        backoff of failed deliveries
 * @param breaker      the circuit breaker each target gets
 */
@Validated
@ConfigurationProperties("mdm.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @Min(1) @Max(500) @DefaultValue("50") int batchSize,
        @Min(1) @Max(64) @DefaultValue("4") int concurrency,
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @NotNull @DefaultValue("60s") Duration lease,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Breaker breaker) {

    /**
     * Delivery n after a failure waits {@code initialDelay × multiplier^(n-1)}, at most {@code maxDelay}.
     * Only refusals (4xx) count toward {@code maxAttempts}, after which the delivery is DEAD until
     * replayed or the user changes again; an unreachable or failing target is waited for, however long.
     */
    public record Retry(
            @NotNull @DefaultValue("2s") Duration initialDelay,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("5m") Duration maxDelay,
            @Min(1) @Max(100) @DefaultValue("5") int maxAttempts) {

        Duration after(int failures) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
            return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
        }
    }

    /** Resilience4j's count-based breaker: opens at {@code failureRate} % of the last {@code window} calls. */
    public record Breaker(
            @Min(1) @Max(1000) @DefaultValue("50") int window,
            @Min(1) @Max(1000) @DefaultValue("10") int minimumCalls,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRate,
            @NotNull @DefaultValue("30s") Duration waitWhenOpen) {
    }
}

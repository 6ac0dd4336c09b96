package io.wecomsync.wx.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * {@code wx.inbox.*}: how the worker claims and retries, and the keys the stored messages are
 * encrypted with.
 *
 * @param workerEnabled whether this instance applies events (receiving works either way)
 * @param batchSize     events claimed per round
 * @param concurrency   events of different entities applied at once
 * @param pollInterval  how often an idle worker looks for due events (a new event wakes it at once)
 * @param linger        after claiming fewer than {@code batchSize} events, how long the worker lets new ones
 *                      gather before it claims again: under a steady flow events are then applied several
 *                      at a time (one mdm-service call, one commit) instead of one by one, for at most this
 *                      much more latency; an idle worker woken by a new event claims it at once; 0 turns it off
 * @param lease         how long a claimed event is this worker's unless renewed; the worker renews it every
 *                      third of it while applying, so only a dead or stalled worker loses it
 * @param groupCommit   how callbacks arriving together are stored together
 * @param intakeFirst   during a burst of callbacks, receiving before applying
 * @param retry         backoff of failed events
 * @param retention     how long applied (DONE) and IGNORED events are kept; also how long a redelivery
 *                      is recognized as one (WeCom redelivers within minutes; keep at least a day)
 * @param keys          key id → base64 AES-256 key for stored messages, {@code WX_INBOX_KEYS_<ID>} (no dash
 *                      in the name: Spring binds a map from environment variables only then); empty is
 *                      allowed only in the local and test profiles
 * @param activeKeyId   the key new events are encrypted with
 */
@Validated
@ConfigurationProperties("wx.inbox")
public record InboxProperties(
        @DefaultValue("true") boolean workerEnabled,
        @Min(1) @Max(500) @DefaultValue("50") int batchSize,
        @Min(1) @Max(64) @DefaultValue("16") int concurrency,
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @NotNull @DefaultValue("25ms") Duration linger,
        @NotNull @DefaultValue("60s") Duration lease,
        @Valid @NotNull @DefaultValue GroupCommit groupCommit,
        @Valid @NotNull @DefaultValue IntakeFirst intakeFirst,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue("7d") Duration retention,
        Map<String, String> keys,
        String activeKeyId) {

    public InboxProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /**
     * Group commit of stored events: events arriving at the same time are written by {@code writers}
     * threads, each taking what has queued up — at most {@code maxBatch} rows, waiting at most
     * {@code maxWait} for more — with one multi-row INSERT and one commit. WeCom gets its answer only
     * after its event's row is committed. Under a trickle a batch is one row; {@code maxWait} is the
     * most latency it adds to an answer.
     *
     * @param maxBatch rows per statement (live)
     * @param maxWait  how long a writer waits for more rows once it has one (live); 0 takes only what is queued
     * @param writers  writer threads, each with at most one statement in flight (read at start)
     */
    public record GroupCommit(
            @Min(1) @Max(1000) @DefaultValue("64") int maxBatch,
            @NotNull @DurationMax(millis = 100) @DefaultValue("1ms") Duration maxWait,
            @Min(1) @Max(16) @DefaultValue("2") int writers) {
    }

    /**
     * During a burst the worker yields the CPU to receiving ({@code IntakeFirst}): while more than
     * {@code above} callbacks a second are stored it claims nothing, for at most {@code maxHold} at a
     * stretch, then applies alongside again until the intake has dropped below {@code above} once.
     * Under a steady flow below {@code above} nothing changes; a burst is received at full speed and
     * applied right after it (BENCHMARKS.md, "Receiving before applying").
     *
     * @param above   callbacks stored per second that count as a burst (live); 0 turns it off
     * @param maxHold the longest the worker holds off at a stretch (live), so at most this much lag is added
     */
    public record IntakeFirst(
            @Min(0) @DefaultValue("250") int above,
            @NotNull @DurationMax(minutes = 5) @DefaultValue("30s") Duration maxHold) {
    }

    /**
     * Exponential backoff with jitter: attempt n waits {@code initialDelay × multiplier^(n-1)}, at most
     * {@code maxDelay}, give or take {@code jitter} of it; after {@code maxAttempts} failed attempts the
     * event is DEAD. A try that found a dependency unavailable (an outage) is no attempt: it waits the
     * same way but at most {@code maxWaitDelay}, so the backlog resumes soon after the outage ends, and
     * counts toward nothing but {@code maxAge}.
     *
     * @param maxAge an event not applied this long after it was received is DEAD, whatever the reason
     */
    public record Retry(
            @NotNull @DefaultValue("2s") Duration initialDelay,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("10m") Duration maxDelay,
            @Min(1) @Max(100) @DefaultValue("10") int maxAttempts,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double jitter,
            @NotNull @DefaultValue("30s") Duration maxWaitDelay,
            @NotNull @DefaultValue("72h") Duration maxAge) {

        /** The same backoff, capped at {@code maxWaitDelay}: for tries that found a dependency unavailable. */
        Retry forWaiting() {
            return new Retry(initialDelay, multiplier, maxWaitDelay, maxAttempts, jitter, maxWaitDelay, maxAge);
        }
    }

    @Override
    public String toString() {
        return "InboxProperties[workerEnabled=" + workerEnabled + ", batchSize=" + batchSize + ", concurrency="
                + concurrency + ", pollInterval=" + pollInterval + ", linger=" + linger + ", lease=" + lease
                + ", groupCommit=" + groupCommit + ", intakeFirst=" + intakeFirst + ", retry=" + retry + ", retention=" + retention
                + ", keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}

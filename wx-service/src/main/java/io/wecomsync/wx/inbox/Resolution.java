package io.wecomsync.wx.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * What applying an event made of it: its next status, when it is next due, and what to note on it.
 *
 * <p>Done, ignored and dead are final at once. A retry is due again after a growing backoff until it has
 * used {@code maxAttempts}; a wait (a dependency was unavailable) after a backoff capped at
 * {@code maxWaitDelay}, and it never uses up attempts. Either becomes DEAD once the event is older than
 * {@code maxAge}: nothing stays in the inbox for ever.
 */
record Resolution(EventStatus status, Instant nextAttemptAt, String note) {

    /** @param random numbers in [0, 1) for the backoff's jitter */
    static Resolution of(InboxEvent event, HandlerOutcome outcome, InboxProperties.Retry retry, Instant now,
                         DoubleSupplier random) {
        if (outcome instanceof HandlerOutcome.Done done) {
            return new Resolution(EventStatus.DONE, now, done.note());
        }
        if (outcome instanceof HandlerOutcome.Ignored ignored) {
            return new Resolution(EventStatus.IGNORED, now, ignored.reason());
        }
        if (outcome instanceof HandlerOutcome.Dead dead) {
            return new Resolution(EventStatus.DEAD, now, dead.error());
        }
        boolean tooOld = Duration.between(event.receivedAt(), now).compareTo(retry.maxAge()) > 0;
        if (outcome instanceof HandlerOutcome.Wait wait) {
            if (tooOld) {
                return new Resolution(EventStatus.DEAD, now, "not applied within " + retry.maxAge() + ": " + wait.error());
            }
            Duration delay = Backoff.after(event.waits() + 1, retry.forWaiting(), random);
            return new Resolution(EventStatus.FAILED, now.plus(delay), "waiting: " + wait.error());
        }
        HandlerOutcome.Retry failed = (HandlerOutcome.Retry) outcome;
        if (event.attempt() >= retry.maxAttempts()) {
            return new Resolution(EventStatus.DEAD, now, "gave up after " + event.attempt() + " attempts: " + failed.error());
        }
        if (tooOld) {
            return new Resolution(EventStatus.DEAD, now, "not applied within " + retry.maxAge() + ": " + failed.error());
        }
        Duration delay = Backoff.after(event.attempt(), retry, random);
        return new Resolution(EventStatus.FAILED, now.plus(delay), failed.error());
    }
}

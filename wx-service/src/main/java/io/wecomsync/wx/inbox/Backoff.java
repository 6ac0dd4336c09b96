package io.wecomsync.wx.inbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The wait before the next attempt: exponential, capped, with jitter so retries of a burst spread out. */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param random  a source of numbers in [0, 1)
     */
    static Duration after(int attempt, InboxProperties.Retry retry, DoubleSupplier random) {
        double base = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempt - 1));
        double capped = Math.min(base, retry.maxDelay().toMillis());
        double jittered = capped * (1 - retry.jitter() + 2 * retry.jitter() * random.getAsDouble());
        return Duration.ofMillis(Math.max(0, Math.round(Math.min(jittered, retry.maxDelay().toMillis()))));
    }
}

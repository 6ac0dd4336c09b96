package io.wecomsync.wx.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Receiving before applying, during a burst. While callbacks are stored faster than
 * {@code wx.inbox.intake-first.above} per second, this instance's worker claims nothing, so the CPU
 * goes to answering WeCom (which gives up on an answer after 5 s and retries) — but for at most
 * {@code max-hold} at a stretch: then the worker applies alongside again until the intake has once
 * dropped below the threshold. A burst shorter than {@code max-hold} is received at full speed and
 * applied right after it, in full batches; a longer flood adds at most {@code max-hold} to the lag.
 * {@code above: 0} turns it off. Stored events are safe either way: this only decides when they are applied.
 */
@Component
class IntakeFirst implements InboxGate {

    /** How soon a held worker asks again. */
    static final Duration RECHECK = Duration.ofMillis(100);
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final Supplier<InboxProperties.IntakeFirst> settings;
    private final LongSupplier nanoTime;
    private final Counter holds;

    /** Callbacks stored in the current one-second window, and in the one before it. */
    private long windowStart;
    private int inWindow;
    private int inPreviousWindow;
    /** When the current hold began, or -1; and whether a hold ran out during this busy stretch. */
    private long holdingSince = -1;
    private boolean spent;

    @Autowired
    IntakeFirst(InboxSettings settings, MeterRegistry registry) {
        this(() -> settings.current().intakeFirst(), System::nanoTime, registry);
    }

    IntakeFirst(Supplier<InboxProperties.IntakeFirst> settings, LongSupplier nanoTime, MeterRegistry registry) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
        this.holds = Counter.builder("wecom.inbox.intake-first.holds")
                .description("times the worker held off applying because a burst of callbacks was arriving").register(registry);
        Gauge.builder("wecom.inbox.intake-first.holding", this, IntakeFirst::holding)
                .description("1 while the worker holds off applying for a burst of callbacks").register(registry);
    }

    /** A callback's event was stored (committed). */
    synchronized void stored() {
        roll(nanoTime.getAsLong());
        inWindow++;
    }

    @Override
    public synchronized Duration pauseClaiming() {
        InboxProperties.IntakeFirst current = settings.get();
        long now = nanoTime.getAsLong();
        roll(now);
        boolean busy = current.above() > 0 && Math.max(inWindow, inPreviousWindow) >= current.above();
        if (!busy) {
            holdingSince = -1;
            spent = false;
            return Duration.ZERO;
        }
        if (spent) {
            return Duration.ZERO;
        }
        if (holdingSince < 0) {
            holdingSince = now;
            holds.increment();
        }
        if (now - holdingSince >= current.maxHold().toNanos()) {
            spent = true;
            return Duration.ZERO;
        }
        return RECHECK;
    }

    private synchronized double holding() {
        return holdingSince >= 0 && !spent ? 1 : 0;
    }

    private void roll(long now) {
        long windows = (now - windowStart) / SECOND;
        if (windows <= 0) {
            return;
        }
        inPreviousWindow = windows == 1 ? inWindow : 0;
        inWindow = 0;
        windowStart += windows * SECOND;
    }
}

package io.wecomsync.wx.reconcile;

import io.wecomsync.wx.app.WeComRead;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.wecomsync.wx.app.WeComErrors;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's calls to WeCom. Each API has its own gate: a rate limit ({@code ratePerMinute}, as WeCom
 * counts per API and corp) and a pause after a "busy" answer that holds back every thread of the run
 * calling that API, not only the one that was told. Busy or unreachable calls are tried again up to
 * {@code busyRetries} times; every error is tallied by code in the run's progress. Token errors
 * (40014, 42001) never get here: WxJava refreshes the token and repeats the call itself.
 */
final class WeComCalls {

    private final ReconcileProperties settings;
    private final RunProgress progress;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    WeComCalls(ReconcileProperties settings, RunProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    @FunctionalInterface
    interface Call<T> {
        T get() throws WxErrorException;
    }

    <T> WeComRead<T> read(String api, Call<T> call) {
        Gate gate = gates.computeIfAbsent(api, this::gate);
        for (int attempt = 0; ; attempt++) {
            try {
                gate.enter();
                return WeComRead.found(call.get());
            } catch (WxErrorException e) {
                int code = e.getError().getErrorCode();
                progress.weComError(String.valueOf(code));
                String error = api + ": WeCom error " + code;
                if (!WeComErrors.isBusy(code)) {
                    return WeComRead.unreadable(error);
                }
                if (attempt >= settings.busyRetries()) {
                    return WeComRead.failed(error);
                }
                gate.pause(settings.busyBackoff());
            } catch (WxRuntimeException e) {
                progress.weComError("unreachable");
                if (attempt >= settings.busyRetries()) {
                    return WeComRead.failed(api + ": WeCom unreachable");
                }
                gate.pause(settings.busyBackoff());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return WeComRead.failed(api + ": interrupted");
            }
        }
    }

    private Gate gate(String api) {
        RateLimiter limiter = settings.ratePerMinute() == 0 ? null : RateLimiter.of("wecom-" + api, RateLimiterConfig.custom()
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .limitForPeriod(Math.max(1, settings.ratePerMinute() / 60))
                .timeoutDuration(Duration.ofHours(1))
                .build());
        return new Gate(limiter);
    }

    /** Rate limit and busy pause of one API. */
    private static final class Gate {

        private final RateLimiter limiter;
        private volatile long pausedUntilNanos = System.nanoTime();

        Gate(RateLimiter limiter) {
            this.limiter = limiter;
        }

        void enter() throws InterruptedException {
            long wait;
            while ((wait = pausedUntilNanos - System.nanoTime()) > 0) {
                Thread.sleep(Math.max(1, wait / 1_000_000));
            }
            if (limiter != null) {
                RateLimiter.waitForPermission(limiter);
            }
        }

        void pause(Duration backoff) {
            long until = System.nanoTime() + backoff.toNanos();
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
        }
    }
}

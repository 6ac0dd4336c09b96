package io.wecomsync.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One phase's answers by kind (200, refused with another status, no answer), the measured ones apart from
 * the warm-up's; every 200 also counts in the load's running total, which the benchmarks check is stored once.
 */
final class AnswerCounts {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong acceptedAll;
    final AtomicReference<String> firstProblem = new AtomicReference<>();

    AnswerCounts(AtomicLong acceptedAll) {
        this.acceptedAll = acceptedAll;
    }

    void count(HttpResponse<?> response, Throwable error, boolean measured) {
        boolean ok = error == null && response != null && response.statusCode() == 200;
        if (ok) {
            acceptedAll.incrementAndGet();
        }
        if (!ok) {
            firstProblem.compareAndSet(null, error != null ? error.toString()
                    : response == null ? "no answer" : "HTTP " + response.statusCode());
        }
        if (!measured) {
            return;
        }
        sent.incrementAndGet();
        if (ok) {
            accepted.incrementAndGet();
        } else if (error == null && response != null) {
            refused.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    CallbackLoad.Outcome outcome(double seconds, Histogram latency, String slowSeconds) {
        return new CallbackLoad.Outcome(sent.get(), accepted.get(), refused.get(), failed.get(), Math.round(seconds * 10) / 10.0, latency,
                firstProblem.get(), slowSeconds);
    }
}

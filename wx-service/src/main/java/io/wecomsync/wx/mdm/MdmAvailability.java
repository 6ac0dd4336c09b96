package io.wecomsync.wx.mdm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wecomsync.wx.inbox.InboxGate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Holds the inbox worker back while mdm-service's circuit breaker is open: every event needs
 * mdm-service, so claiming them would only record one failed try after another. Once the breaker's
 * wait is over the next check moves it to half-open and claiming resumes, its trial calls deciding.
 */
@Component
class MdmAvailability implements InboxGate {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final CircuitBreakerRegistry circuitBreakers;

    MdmAvailability(CircuitBreakerRegistry circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
    }

    @Override
    public Duration pauseClaiming() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(MdmCalls.INSTANCE);
        if (breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN) {
            return Duration.ZERO;
        }
        // asking for a permission is what moves an open breaker whose wait is over to half-open
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return Duration.ZERO;
        }
        return RECHECK;
    }
}

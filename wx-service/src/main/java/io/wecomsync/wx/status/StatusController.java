package io.wecomsync.wx.status;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.Result;
import io.wecomsync.wx.inbox.InboxQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /admin/status} (through the gateway {@code /api/wx/status}): the dashboard's figures of wx-service. */
@RestController
class StatusController {

    private final ThroughputHistory throughput;
    private final InboxQueries inbox;
    private final CircuitBreakerRegistry circuitBreakers;

    StatusController(ThroughputHistory throughput, InboxQueries inbox, CircuitBreakerRegistry circuitBreakers) {
        this.throughput = throughput;
        this.inbox = inbox;
        this.circuitBreakers = circuitBreakers;
    }

    /**
     * @param minutes how far back the per-minute series goes (1 to 1440)
     */
    @GetMapping("/admin/status")
    Result<Status> status(@RequestParam(defaultValue = "60") int minutes) {
        if (minutes < 1 || minutes > 1440) {
            throw ApiException.invalid("minutes must be between 1 and 1440, got " + minutes);
        }
        Map<String, String> breakers = new TreeMap<>();
        for (CircuitBreaker breaker : circuitBreakers.getAllCircuitBreakers()) {
            breakers.put(breaker.getName(), breaker.getState().name());
        }
        return Result.ok(new Status(throughput.last(minutes), inbox.oldestUnfinished(), breakers));
    }

    /**
     * @param perMinute          received and applied per minute, oldest first
     * @param oldestUnfinishedAt when the oldest event not yet applied was received; null when none waits
     * @param circuitBreakers    name → state (CLOSED, OPEN, HALF_OPEN …) of each dependency's breaker
     */
    record Status(List<ThroughputHistory.Minute> perMinute, Instant oldestUnfinishedAt, Map<String, String> circuitBreakers) {
    }
}

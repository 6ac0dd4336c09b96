package io.wecomsync.wx.mdm;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.mdm.MdmApi;
import io.wecomsync.common.text.Excerpt;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls mdm-service through {@link MdmClient} inside Resilience4j's retry and circuit breaker named
 * {@value #INSTANCE} (configured under {@code resilience4j.*.instances.mdm}). Failures come out as
 * {@link MdmUnavailableException} (transient: retried here a few times, then by the inbox) or
 * {@link MdmRejectedException} (permanent).
 */
@Component
public class MdmCalls {

    static final String INSTANCE = "mdm";
    private static final int EXCERPT = 300;

    private final MdmApi client;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;

    MdmCalls(MdmClient client, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        this.client = client;
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
    }

    /** Runs one call and answers its data. */
    public <T> T call(String what, Function<MdmApi, Result<T>> call) {
        Supplier<T> attempt = () -> translate(what, () -> call.apply(client).data());
        // looked up per call: MdmResilienceSettings replaces them when their settings change
        Retry retry = retries.retry(INSTANCE);
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt));
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new MdmUnavailableException(what + ": mdm-service circuit breaker is open", open);
        }
    }

    private static <T> T translate(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (FeignException e) {
            int status = e.status();
            String body = e.responseBody().map(b -> new String(b.array(), StandardCharsets.UTF_8)).orElse("");
            String detail = what + ": mdm-service answered " + (status < 0 ? "nothing" : status)
                    + (body.isEmpty() ? "" : " " + excerpt(body));
            if (status < 0 || status >= 500 || status == 408 || status == 429
                    || (status == 409 && body.contains("\"code\":" + ErrorCode.CONCURRENT_MODIFICATION.code()))) {
                throw new MdmUnavailableException(detail, e);
            }
            if (status == 401 || status == 403) {
                // our own token refused: a misconfiguration (secret, scopes) an operator must fix, not bad data
                throw new MdmUnavailableException(detail + " (check the service token settings)", e);
            }
            throw new MdmRejectedException(status, detail);
        }
    }

    private static String excerpt(String body) {
        return Excerpt.of(body.replaceAll("\\s+", " "), EXCERPT);
    }
}

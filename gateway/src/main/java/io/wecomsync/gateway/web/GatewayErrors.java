package io.wecomsync.gateway.web;

import io.wecomsync.common.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's own errors, answered in the shared {@code Result} shape with the real status: a service
 * behind it that cannot be reached is 503, one that does not answer in time 504, an unknown path 404, a
 * body over the limit 413. An outage is logged once per service and minute, not once per request, and
 * without a stack trace; only errors of the gateway itself are logged as errors.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler
class GatewayErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final Clock clock;
    /** What was last logged as unreachable or slow, by path prefix, and when. */
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    GatewayErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ErrorCode code;
        String message;
        if (isUnreachable(error)) {
            code = ErrorCode.SERVICE_UNAVAILABLE;
            message = "the service behind " + area(exchange) + " is unavailable; try again later";
            logOutage(exchange, "unreachable", error);
        } else if (isTimeout(error)) {
            code = ErrorCode.GATEWAY_TIMEOUT;
            message = "the service behind " + area(exchange) + " did not answer in time";
            logOutage(exchange, "too slow", error);
        } else if (error instanceof ResponseStatusException status) {
            code = byStatus(status.getStatusCode());
            message = status.getReason() != null ? status.getReason() : "request refused";
        } else {
            code = ErrorCode.INTERNAL_ERROR;
            message = "internal error";
            log.error("gateway error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        return ResultResponses.write(exchange.getResponse(), code, message);
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // connection refused / reset while connecting; no instance registered for an lb:// service; a
            // connection closed under the exchange (a pooled one the service closed as it was reused, or the
            // caller gone — then nobody reads the answer)
            if (cause instanceof ConnectException || cause instanceof NotFoundException
                    || cause instanceof PrematureCloseException || cause instanceof AbortedException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof ResponseStatusException status && status.getStatusCode().value() == 503) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getName().endsWith("ReadTimeoutException")) {
                return true;
            }
            if (cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }

    private static ErrorCode byStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ErrorCode.INVALID_ARGUMENT;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            case 504 -> ErrorCode.GATEWAY_TIMEOUT;
            default -> status.is4xxClientError() ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INTERNAL_ERROR;
        };
    }

    /** The first path segments (e.g. {@code /wx/callback}), naming the route without ids or queries. */
    private static String area(ServerWebExchange exchange) {
        String[] parts = exchange.getRequest().getPath().value().split("/");
        return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] : exchange.getRequest().getPath().value();
    }

    private void logOutage(ServerWebExchange exchange, String what, Throwable error) {
        String key = area(exchange) + " " + what;
        Instant now = clock.instant();
        Instant last = lastLogged.get(key);
        if (last == null || Duration.between(last, now).compareTo(QUIET) >= 0) {
            lastLogged.put(key, now);
            log.warn("service behind {} is {} ({}): answering {} — further failures not logged for {} s", area(exchange),
                    what, error.getClass().getSimpleName(), "unreachable".equals(what) ? 503 : 504, QUIET.toSeconds());
        }
    }
}

package io.wecomsync.wx.callback;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the callback endpoints refuse: counted by reason, logged without payloads, answered with a
 * {@code Result}. A database failure answers 503 — WeCom must never get 200 for an event we did not store.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CallbackController.class)
class CallbackExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CallbackExceptionHandler.class);

    private final CallbackMetrics metrics;

    CallbackExceptionHandler(CallbackMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(CallbackRejected.class)
    ResponseEntity<Result<Void>> rejected(CallbackRejected rejection) {
        metrics.rejected(rejection.reason());
        log.info("callback refused with {} ({})", rejection.status(), rejection.reason());
        ErrorCode code = switch (rejection.status()) {
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            default -> ErrorCode.INVALID_ARGUMENT;
        };
        return ResponseEntity.status(rejection.status()).body(Result.error(code, rejection.getMessage()));
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Result<Void>> notStored(RuntimeException e) {
        metrics.rejected("not_stored");
        log.warn("callback not stored, answering 503: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(ErrorCode.DATABASE_UNAVAILABLE.httpStatus())
                .body(Result.error(ErrorCode.DATABASE_UNAVAILABLE, "the event could not be stored; try again"));
    }
}

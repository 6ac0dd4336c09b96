package io.wecomsync.common.web;

import io.wecomsync.common.api.ApiException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.text.Excerpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Turns every failure into a {@link Result} with a stable code, a message that names the problem,
 * and the real HTTP status — never 200 for an error. A service extends it with
 * {@code @RestControllerAdvice} and adds what only it needs.
 */
public abstract class ResultExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ResultExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    protected ResponseEntity<Result<Void>> api(ApiException e) {
        return answer(e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    protected ResponseEntity<Result<Void>> missingParameter(MissingServletRequestParameterException e) {
        return answer(ErrorCode.INVALID_ARGUMENT, "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<Result<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(ErrorCode.INVALID_ARGUMENT, "'" + e.getName() + "' must be " + expectedForm(e.getRequiredType())
                + ", got '" + Excerpt.of(String.valueOf(e.getValue()), 100) + "'");
    }

    /**
     * What a request parameter or JSON field of {@code type} must look like, in words a caller can act on
     * (never a Java type's name where a JSON kind says it).
     */
    protected static String expectedForm(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Instant.class) {
            return "a time in ISO-8601 form with its offset, e.g. 2026-12-08T08:30:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-12-08";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    @ExceptionHandler(NoResourceFoundException.class)
    protected ResponseEntity<Result<Void>> noResource(NoResourceFoundException e) {
        return answer(ErrorCode.NOT_FOUND, "no such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    protected ResponseEntity<Result<Void>> method(HttpRequestMethodNotSupportedException e) {
        return answer(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    protected ResponseEntity<Result<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        // the Result is JSON whatever the Accept header said: set, not negotiated
        return ResponseEntity.status(ErrorCode.NOT_ACCEPTABLE.httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(Result.error(ErrorCode.NOT_ACCEPTABLE, "this endpoint answers " + e.getSupportedMediaTypes()
                        + "; the request's Accept header allows none of them"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    protected ResponseEntity<Result<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    /** Connection, pool and transaction failures: the caller may try again. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    protected ResponseEntity<Result<Void>> database(RuntimeException e) {
        if (!isUnavailable(e)) {
            return unexpected(e);
        }
        log.warn("database unavailable: {}", e.getClass().getSimpleName());
        return answer(ErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable; try again later");
    }

    /**
     * Reading the request failed: the caller went away or gave up while sending it (a client that timed
     * out, a proxy that cancelled). Nobody is left to read the answer and nothing here failed, so it is
     * not logged as an error.
     */
    @ExceptionHandler(IOException.class)
    protected ResponseEntity<Result<Void>> requestNotRead(IOException e) {
        Optional<ResponseEntity<Result<Void>>> tooLarge = bodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        log.debug("request could not be read: {}", e.toString());
        return answer(ErrorCode.MALFORMED_REQUEST, "the request could not be read (" + e.getClass().getSimpleName() + ")");
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<Result<Void>> unexpected(Exception e) {
        log.error("unexpected error", e);
        return answer(ErrorCode.INTERNAL_ERROR, "internal error");
    }

    /** 413 when reading the body stopped at {@link RequestBodyLimit}'s limit, whatever wrapped that on the way. */
    protected static Optional<ResponseEntity<Result<Void>>> bodyTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge tooLarge) {
                return Optional.of(answer(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        return Optional.empty();
    }

    protected static ResponseEntity<Result<Void>> answer(ErrorCode code, String message) {
        return ResponseEntity.status(code.httpStatus()).body(Result.error(code, message));
    }

    private static boolean isUnavailable(RuntimeException e) {
        // CannotGetJdbcConnectionException is a DataAccessResourceFailureException
        return e instanceof CannotCreateTransactionException
                || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException;
    }
}

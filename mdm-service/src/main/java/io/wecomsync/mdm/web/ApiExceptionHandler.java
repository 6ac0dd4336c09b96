package io.wecomsync.mdm.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.stream.Collectors;

/**
 * Turns every failure into a {@link Result} with a stable code, a message that names the problem,
 * and the real HTTP status — never 200 for an error.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MdmException.class)
    ResponseEntity<Result<Void>> mdm(MdmException e) {
        return answer(e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Result<Void>> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = e.getBindingResult().getAllErrors().stream()
                    .map(error -> error.getDefaultMessage())
                    .collect(Collectors.joining("; "));
        }
        return answer(ErrorCode.INVALID_ARGUMENT, message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Result<Void>> invalidParameters(HandlerMethodValidationException e) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return answer(ErrorCode.INVALID_ARGUMENT, message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Result<Void>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException format) {
            return answer(ErrorCode.INVALID_ARGUMENT, path(format) + ": cannot read '" + format.getValue()
                    + "' as " + format.getTargetType().getSimpleName());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return answer(ErrorCode.MALFORMED_REQUEST, path(mapping) + ": " + mapping.getOriginalMessage());
        }
        return answer(ErrorCode.MALFORMED_REQUEST, "request body is missing or is not valid JSON");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Result<Void>> missingParameter(MissingServletRequestParameterException e) {
        return answer(ErrorCode.INVALID_ARGUMENT, "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Result<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null ? e.getRequiredType().getSimpleName() : "another type";
        return answer(ErrorCode.INVALID_ARGUMENT, "'" + e.getName() + "' must be a " + expected
                + ", got '" + e.getValue() + "'");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Result<Void>> noResource(NoResourceFoundException e) {
        return answer(ErrorCode.NOT_FOUND, "no such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Result<Void>> method(HttpRequestMethodNotSupportedException e) {
        return answer(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Result<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Result<Void>> concurrency(ConcurrencyFailureException e) {
        return answer(ErrorCode.CONCURRENT_MODIFICATION, "the record changed concurrently too often; try again");
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<Result<Void>> databaseUnavailable(Exception e) {
        log.warn("database unavailable: {}", e.getClass().getSimpleName());
        return answer(ErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable; try again later");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Result<Void>> unexpected(Exception e) {
        log.error("unexpected error", e);
        return answer(ErrorCode.INTERNAL_ERROR, "internal error");
    }

    private static ResponseEntity<Result<Void>> answer(ErrorCode code, String message) {
        return ResponseEntity.status(code.httpStatus()).body(Result.error(code, message));
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

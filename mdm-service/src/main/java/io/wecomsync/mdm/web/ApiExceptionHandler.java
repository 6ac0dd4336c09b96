package io.wecomsync.mdm.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import io.wecomsync.common.text.Excerpt;
import io.wecomsync.common.web.ResultExceptionHandler;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * mdm-service's answers to failures: the shared {@link ResultExceptionHandler} plus validation of
 * JSON bodies, field by field, and concurrent-modification conflicts.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResultExceptionHandler {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Result<Void>> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
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
        Optional<ResponseEntity<Result<Void>>> tooLarge = bodyTooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null) {
            // the JSON kind the field needs, not Jackson's words for the Java type behind it
            String got = mismatch instanceof InvalidFormatException format
                    ? ", got '" + Excerpt.of(String.valueOf(format.getValue()), 100) + "'" : "";
            return answer(ErrorCode.INVALID_ARGUMENT, path(mismatch) + ": must be "
                    + expectedForm(mismatch.getTargetType()) + got);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return answer(ErrorCode.MALFORMED_REQUEST, path(mapping) + ": " + mapping.getOriginalMessage());
        }
        return answer(ErrorCode.MALFORMED_REQUEST, "request body is missing or is not valid JSON");
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Result<Void>> concurrency(ConcurrencyFailureException e) {
        return answer(ErrorCode.CONCURRENT_MODIFICATION, "the record changed concurrently too often; try again");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

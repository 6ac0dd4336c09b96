package io.wecomsync.wx.web;

import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Answers admin API failures as {@link Result} with the real HTTP status. */
@RestControllerAdvice
class WxApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WxApiExceptionHandler.class);

    @ExceptionHandler(WxApiException.class)
    ResponseEntity<Result<Void>> api(WxApiException e) {
        return answer(e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Result<Void>> missing(MissingServletRequestParameterException e) {
        return answer(ErrorCode.INVALID_ARGUMENT, "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Result<Void>> mismatch(MethodArgumentTypeMismatchException e) {
        return answer(ErrorCode.INVALID_ARGUMENT, "'" + e.getName() + "' has the wrong type: '" + e.getValue() + "'");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Result<Void>> noResource(NoResourceFoundException e) {
        return answer(ErrorCode.NOT_FOUND, "no such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Result<Void>> method(HttpRequestMethodNotSupportedException e) {
        return answer(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Result<Void>> database(RuntimeException e) {
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
}

package io.wecomsync.common.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The one body shape every wecom-sync HTTP API answers with.
 *
 * <p>{@code code} is 0 on success, otherwise the stable {@link ErrorCode#code()} of the problem;
 * the HTTP status carries the same meaning, so retries, circuit breakers and metrics work without
 * reading the body.
 */
public record Result<T>(int code, String msg, T data) {

    public static <T> Result<T> ok(T data) {
        return new Result<>(0, "ok", data);
    }

    public static <T> Result<T> error(ErrorCode errorCode, String message) {
        return new Result<>(errorCode.code(), message, null);
    }

    @JsonIgnore
    public boolean isSuccess() {
        return code == 0;
    }
}

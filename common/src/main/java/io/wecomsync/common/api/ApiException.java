package io.wecomsync.common.api;

/** A refusal with a stable error code; answered with that code's HTTP status and this message. */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, message);
    }
}

package io.wecomsync.common.api;

/**
 * Stable error codes shared by all services, each tied to the HTTP status it is answered with.
 * Codes never change meaning once released; add new ones instead.
 */
public enum ErrorCode {

    INVALID_ARGUMENT(40001, 400),
    MALFORMED_REQUEST(40002, 400),
    UNAUTHENTICATED(40101, 401),
    FORBIDDEN(40301, 403),
    NOT_FOUND(40400, 404),
    USER_NOT_FOUND(40401, 404),
    DEPARTMENT_NOT_FOUND(40402, 404),
    METHOD_NOT_ALLOWED(40501, 405),
    /** The request's {@code Accept} header allows nothing the endpoint answers with. */
    NOT_ACCEPTABLE(40601, 406),
    /** The request's body did not arrive in time. */
    REQUEST_TIMEOUT(40801, 408),
    CONFLICT(40901, 409),
    WX_USER_ID_TAKEN(40902, 409),
    CONCURRENT_MODIFICATION(40903, 409),
    PAYLOAD_TOO_LARGE(41301, 413),
    UNSUPPORTED_MEDIA_TYPE(41501, 415),
    INTERNAL_ERROR(50000, 500),
    CRM_UNAVAILABLE(50201, 502),
    DATABASE_UNAVAILABLE(50301, 503),
    /** More requests at once than the service takes: try again shortly (WeCom retries callbacks by itself). */
    OVERLOADED(50302, 503),
    /** The gateway could not reach the service behind it (down, restarting, not registered). */
    SERVICE_UNAVAILABLE(50303, 503),
    /** The service behind the gateway did not answer in time. */
    GATEWAY_TIMEOUT(50401, 504);

    private final int code;
    private final int httpStatus;

    ErrorCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

package io.wecomsync.mdm.web;

import io.wecomsync.common.api.ErrorCode;

/** A failure with a stable error code; answered with that code's HTTP status and this message. */
public class MdmException extends RuntimeException {

    private final ErrorCode errorCode;

    public MdmException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static MdmException invalid(String message) {
        return new MdmException(ErrorCode.INVALID_ARGUMENT, message);
    }
}

package io.wecomsync.wx.web;

import io.wecomsync.common.api.ErrorCode;

/** A refusal of the admin API with a stable error code and a message naming the problem. */
public class WxApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public WxApiException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static WxApiException invalid(String message) {
        return new WxApiException(ErrorCode.INVALID_ARGUMENT, message);
    }
}

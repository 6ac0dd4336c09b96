package io.wecomsync.wx.web;

import io.wecomsync.common.web.ResultExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers admin API failures in the shared style: a {@code Result} with the real HTTP status. */
@RestControllerAdvice
class WxApiExceptionHandler extends ResultExceptionHandler {
}

package io.wecomsync.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.api.ErrorCode;
import io.wecomsync.common.api.Result;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;

/** Writes a refusal in the shared {@link Result} shape from a servlet filter, where no controller advice answers. */
public final class ServletResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServletResults() {
    }

    public static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Result.error(code, message));
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

package io.wecomsync.common.web;

import io.wecomsync.common.api.Result;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;

class ResultExceptionHandlerTests {

    private final ResultExceptionHandler handler = new ResultExceptionHandler() {
    };

    @Test
    void aParameterOfTheWrongFormSaysWhatFormIsExpected() throws Exception {
        ResponseEntity<Result<Void>> answer = handler.typeMismatch(mismatch("yesterday", Instant.class, "from"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().msg())
                .isEqualTo("'from' must be a time in ISO-8601 form with its offset, e.g. 2026-12-08T08:30:00Z, got 'yesterday'");
    }

    @Test
    void formsCallersCanActOn() {
        assertThat(ResultExceptionHandler.expectedForm(long.class)).isEqualTo("a whole number");
        assertThat(ResultExceptionHandler.expectedForm(Boolean.class)).isEqualTo("true or false");
        assertThat(ResultExceptionHandler.expectedForm(HttpStatus.Series.class))
                .isEqualTo("one of [INFORMATIONAL, SUCCESSFUL, REDIRECTION, CLIENT_ERROR, SERVER_ERROR]");
        assertThat(ResultExceptionHandler.expectedForm(java.util.ArrayList.class)).isEqualTo("a list");
        assertThat(ResultExceptionHandler.expectedForm(String.class)).isEqualTo("a string");
        assertThat(ResultExceptionHandler.expectedForm(double.class)).isEqualTo("a number");
        assertThat(ResultExceptionHandler.expectedForm(Result.class)).as("a JSON object, not a Java type").isEqualTo("an object");
    }

    @Test
    void aLongValueIsEchoedCut() throws Exception {
        ResponseEntity<Result<Void>> answer = handler.typeMismatch(mismatch("9".repeat(5000), long.class, "id"));

        assertThat(answer.getBody().msg()).startsWith("'id' must be a whole number, got '999").hasSizeLessThan(160);
    }

    private static MethodArgumentTypeMismatchException mismatch(String value, Class<?> type, String name) throws Exception {
        MethodParameter parameter = new MethodParameter(ResultExceptionHandlerTests.class.getDeclaredMethod("endpoint", String.class), 0);
        return new MethodArgumentTypeMismatchException(value, type, name, parameter, new DateTimeParseException("bad", value, 0));
    }

    @SuppressWarnings("unused")
    private void endpoint(String value) {
    }
}

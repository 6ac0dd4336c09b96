package io.wecomsync.mdm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;

/** Calls mdm-service over real HTTP and reads answers as JSON trees, errors included. */

public class MdmHttp {

    /** The W3C trace every request of the tests is made under, as a caller with tracing would send it. */
    public static final String TRACE_ID = "7e57ca11000000000000000000000001";


    public static final String TEST_SECRET = "test-secret-shared-by-the-wecom-sync-tests";

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final String token;

    /** Calls as an operator with the {@code admin} scope. */
    public MdmHttp(TestRestTemplate http, ObjectMapper json) {
        this(http, json, Scopes.ADMIN);
    }

    /** Calls with a token carrying {@code scope}, or with no token when {@code scope} is null. */
    public MdmHttp(TestRestTemplate http, ObjectMapper json, String scope) {
        this.http = http;
        this.json = json;
        this.token = scope == null ? null
                : new TokenMinter(TEST_SECRET, Clock.systemUTC()).mint("test-operator", scope, Duration.ofMinutes(10));
    }

    public Answer get(String path, Object... uriVariables) {
        return exchange(HttpMethod.GET, path, null, uriVariables);
    }

    public Answer put(String path, Object body, Object... uriVariables) {
        return exchange(HttpMethod.PUT, path, body, uriVariables);
    }

    public Answer post(String path, Object body, Object... uriVariables) {
        return exchange(HttpMethod.POST, path, body, uriVariables);
    }

    public Answer delete(String path, Object... uriVariables) {
        return exchange(HttpMethod.DELETE, path, null, uriVariables);
    }

    public Answer exchange(HttpMethod method, String path, Object body, Object... uriVariables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        if (token != null) {
            headers.setBearerAuth(token);
        }
        Object entityBody = body instanceof String text ? text : body == null ? null : json.valueToTree(body).toString();
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(entityBody, headers),
                String.class, uriVariables);
        try {
            JsonNode tree = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
            return new Answer(response.getStatusCode().value(), tree);
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
        }
    }

    /** HTTP status and the parsed {@code Result} body. */
    public record Answer(int status, JsonNode body) {

        public JsonNode data() {
            return body.path("data");
        }

        public int code() {
            return body.path("code").asInt();
        }

        public String msg() {
            return body.path("msg").asText();
        }
    }
}

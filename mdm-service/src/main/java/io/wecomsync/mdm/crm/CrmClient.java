package io.wecomsync.mdm.crm;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

/** The HTTP call to the CRM. Answers what happened; never throws for a failed push. */
@Component
class CrmClient {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final int EXCERPT = 200;

    private final CrmProperties properties;
    private final RestClient http;

    CrmClient(CrmProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.timeout());
        this.http = builder.requestFactory(requests).build();
    }

    boolean isConfigured() {
        return properties.isConfigured();
    }

    Outcome push(byte[] json, String idempotencyKey) {
        String url = properties.baseUrl().replaceAll("/+$", "") + properties.path();
        try {
            return http.post().uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY_HEADER, idempotencyKey)
                    .body(json)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        String body = new String(response.getBody().readNBytes(EXCERPT * 4), StandardCharsets.UTF_8);
                        return new Outcome(status.is2xxSuccessful(), status.value(), excerpt(body));
                    });
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Outcome(false, null, excerpt(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        }
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }

    /** What the CRM said: success, its HTTP status (null when it could not be reached) and a short excerpt. */
    record Outcome(boolean success, Integer httpStatus, String detail) {
    }
}

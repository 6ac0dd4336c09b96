package io.wecomsync.mdm.crm;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

/** The HTTP call to the CRM. Answers what happened; never throws for a failed push. */
@Component
class CrmClient {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

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
                        if (status.is2xxSuccessful()) {
                            return new Outcome(true, status.value(), null);
                        }
                        // a failure's answer is read for its error code only (see CrmAnswers)
                        return new Outcome(false, status.value(),
                                CrmAnswers.errorCode(response.getBody().readNBytes(CrmAnswers.LOOK_AT + 1)));
                    });
        } catch (RuntimeException e) {
            return new Outcome(false, null, CrmAnswers.failure(e));
        }
    }

    /**
     * What the CRM said: success, its HTTP status (null when it could not be reached) and, for a failure,
     * its error code or the kind of connection failure — never the text of its answer (see {@link CrmAnswers}).
     */
    record Outcome(boolean success, Integer httpStatus, String detail) {
    }
}

package io.wecomsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.security.TokenMinter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static io.wecomsync.e2e.RunningSystem.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads from a service directly (not through the gateway), with an admin token. */
final class OperatorReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final TokenMinter tokens = new TokenMinter(SECRET, Clock.systemUTC());

    /** The JSON answer of a GET that must succeed. */
    JsonNode get(String url) throws Exception {
        HttpResponse<String> response = send(url);
        assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A counter's total in the service at {@code serviceUrl}; 0 when it was never counted. */
    double meter(String serviceUrl, String name) throws Exception {
        HttpResponse<String> response = send(serviceUrl + "/actuator/metrics/" + name);
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("measurements").get(0).path("value").asDouble();
    }

    /** Whether wx-service at {@code wxUrl} has nothing unfinished in its inbox; false when it cannot tell. */
    boolean inboxDrained(String wxUrl) {
        try {
            JsonNode counts = get(wxUrl + "/admin/inbox/counts").path("data");
            return counts.path("PENDING").asInt() + counts.path("PROCESSING").asInt() + counts.path("FAILED").asInt() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> send(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens.mint("e2e-operator", "admin", Duration.ofMinutes(5)))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

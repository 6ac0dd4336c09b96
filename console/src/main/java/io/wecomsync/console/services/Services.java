package io.wecomsync.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wecomsync.common.security.TokenMinter;
import io.wecomsync.console.ConsoleProperties;
import io.wecomsync.console.security.Operator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Calls wx-service and mdm-service through the gateway as the operator: each call carries a token
 * minted for them (their id as subject, scoped by role, living {@code console.token-lifetime}), so the
 * services check and log the person, not the console.
 */
@Component
public class Services {

    private final RestClient http;
    private final String gatewayUrl;
    private final TokenMinter tokens;
    private final Duration lifetime;
    private final ObjectMapper json;

    Services(ConsoleProperties properties, @Value("${wecom.security.jwt.secret:}") String secret, ObjectMapper json,
             RestClient.Builder builder) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = builder.requestFactory(requests).build();
        this.gatewayUrl = properties.gatewayUrl();
        this.tokens = new TokenMinter(secret, Clock.systemUTC());
        this.lifetime = properties.tokenLifetime();
        this.json = json;
    }

    public ServiceAnswer get(Operator operator, String path, Map<String, ?> query) {
        return call(operator, HttpMethod.GET, path, query);
    }

    public ServiceAnswer post(Operator operator, String path, Map<String, ?> query) {
        return call(operator, HttpMethod.POST, path, query);
    }

    private ServiceAnswer call(Operator operator, HttpMethod method, String path, Map<String, ?> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(gatewayUrl).path(path);
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value);
            }
        });
        String token = tokens.mint(operator.id(), operator.scope(), lifetime);
        try {
            // encoded once, here: the URI object is sent as it is
            return http.method(method).uri(uri.encode().build().toUri())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange((request, response) -> answer(response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            return ServiceAnswer.unreachable("the gateway cannot be reached (" + e.getMostSpecificCause().getClass().getSimpleName() + ")");
        }
    }

    private ServiceAnswer answer(int status, byte[] body) {
        JsonNode result;
        try {
            result = body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
        } catch (IOException notJson) {
            result = MissingNode.getInstance();
        }
        if (status >= 200 && status < 300) {
            return new ServiceAnswer(status, result.path("data"), null);
        }
        String message = result.path("msg").asText("");
        return new ServiceAnswer(status, MissingNode.getInstance(),
                message.isBlank() ? "the service answered HTTP " + status : message);
    }
}

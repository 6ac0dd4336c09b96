package io.wecomsync.gateway.headers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** {@code wecom.gateway.internal-headers.names}: headers stripped from inbound requests (case-insensitive). */
@ConfigurationProperties("wecom.gateway.internal-headers")
public class InternalHeadersProperties {

    private List<String> names = new ArrayList<>(List.of("X-Internal-Caller", "X-Internal-Service", "X-User-Id",
            "X-User-Name", "X-Authenticated-User", "X-Caller", "X-Service-Name"));

    public List<String> getNames() {
        return names;
    }

    public void setNames(List<String> names) {
        this.names = names == null ? new ArrayList<>() : new ArrayList<>(names);
    }
}

package io.wecomsync.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LivePathPatternsTests {

    private final List<String> configured = new ArrayList<>(List.of("/wx/callback/**"));
    private final LivePathPatterns patterns = new LivePathPatterns(() -> configured);

    @Test
    void matchesThePathsItIsGiven() {
        assertThat(patterns.matches(MockServerHttpRequest.post("/wx/callback/1000002?msg_signature=x").build())).isTrue();
        assertThat(patterns.matches(MockServerHttpRequest.post("/wx/callback/wwcorp/1000002").build())).isTrue();
        assertThat(patterns.matches(MockServerHttpRequest.get("/api/mdm/users").build())).isFalse();
    }

    @Test
    void aChangedListAppliesToTheNextRequest() {
        assertThat(patterns.matches(MockServerHttpRequest.get("/hooks/wecom").build())).isFalse();

        configured.clear();
        configured.add("/hooks/**");

        assertThat(patterns.matches(MockServerHttpRequest.get("/hooks/wecom").build())).isTrue();
        assertThat(patterns.matches(MockServerHttpRequest.post("/wx/callback/1000002").build())).isFalse();
    }
}

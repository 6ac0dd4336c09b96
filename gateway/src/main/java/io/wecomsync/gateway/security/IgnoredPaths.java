package io.wecomsync.gateway.security;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Matches requests whose path is on {@code secure.ignore.urls}, reading the current list on every
 * request so a changed list takes effect at once. Patterns are parsed once per list.
 */
@Component
class IgnoredPaths implements ServerWebExchangeMatcher {

    private final SecureIgnoreProperties properties;
    private volatile Parsed parsed = new Parsed(List.of(), List.of());

    IgnoredPaths(SecureIgnoreProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return current().stream().anyMatch(pattern -> pattern.matches(path))
                ? MatchResult.match() : MatchResult.notMatch();
    }

    private List<PathPattern> current() {
        List<String> urls = properties.getUrls();
        Parsed snapshot = parsed;
        if (!snapshot.source().equals(urls)) {
            snapshot = new Parsed(List.copyOf(urls), urls.stream().map(PathPatternParser.defaultInstance::parse).toList());
            parsed = snapshot;
        }
        return snapshot.patterns();
    }

    private record Parsed(List<String> source, List<PathPattern> patterns) {
    }
}

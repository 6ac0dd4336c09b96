package io.wecomsync.gateway.web;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.function.Supplier;

/**
 * Matches request paths against a list of patterns that may change at run time (a properties bean that
 * Spring Cloud rebinds on a Nacos push). The current list is read on every request, so a change applies
 * at once, but each list is parsed only once — not per request, on the path every callback takes.
 */
public final class LivePathPatterns {

    private final Supplier<List<PathPattern>> patterns;

    public LivePathPatterns(Supplier<List<String>> source) {
        this.patterns = new ParsedOnChange<>(source,
                list -> list.stream().map(PathPatternParser.defaultInstance::parse).toList());
    }

    public boolean matches(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : patterns.get()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}

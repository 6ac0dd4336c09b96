package io.wecomsync.gateway.security;

import io.wecomsync.gateway.web.LivePathPatterns;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Matches requests whose path is on {@code secure.ignore.urls}; a changed list takes effect at once.
 */
@Component
class IgnoredPaths implements ServerWebExchangeMatcher {

    private final LivePathPatterns urls;

    IgnoredPaths(SecureIgnoreProperties properties) {
        this.urls = new LivePathPatterns(properties::getUrls);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return urls.matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }
}

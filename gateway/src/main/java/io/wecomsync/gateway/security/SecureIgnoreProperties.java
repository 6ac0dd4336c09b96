package io.wecomsync.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code secure.ignore.urls}: path patterns that pass without a token. A mutable bean rather than a
 * record on purpose: Spring Cloud rebinds it when the environment changes (e.g. a Nacos push), so a
 * new list takes effect without a restart.
 */
@ConfigurationProperties("secure.ignore")
public class SecureIgnoreProperties {

    private List<String> urls = new ArrayList<>(List.of("/wx/callback/**", "/actuator/health/**", "/actuator/info"));

    public List<String> getUrls() {
        return urls;
    }

    public void setUrls(List<String> urls) {
        this.urls = urls == null ? new ArrayList<>() : new ArrayList<>(urls);
    }
}

package io.wecomsync.gateway.overload;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code wecom.gateway.callback-load.*}. A mutable bean on purpose: Spring Cloud rebinds it when the
 * environment changes (a Nacos push), so the limit applies without a restart.
 */
@ConfigurationProperties("wecom.gateway.callback-load")
public class CallbackLoadProperties {

    /** Callbacks forwarded at once; more are answered 503 at once (WeCom retries them). 0 = no limit. */
    private int maxInFlight = 256;
    /** The paths it counts. */
    private List<String> paths = new ArrayList<>(List.of("/wx/callback/**"));

    public int getMaxInFlight() { return maxInFlight; }
    public void setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("wecom.gateway.callback-load.max-in-flight must be 0 or more, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }
    public List<String> getPaths() { return paths; }
    public void setPaths(List<String> paths) { this.paths = paths == null ? new ArrayList<>() : new ArrayList<>(paths); }
}

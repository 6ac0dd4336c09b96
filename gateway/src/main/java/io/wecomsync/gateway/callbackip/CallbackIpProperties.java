package io.wecomsync.gateway.callbackip;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wecom.gateway.callback-ip.*}. A mutable bean on purpose: Spring Cloud rebinds it when the
 * environment changes (a Nacos push), so the switch, the CIDRs and the proxies apply without a restart.
 */
@ConfigurationProperties("wecom.gateway.callback-ip")
public class CallbackIpProperties {

    /** Whether the check runs at all. */
    private boolean enabled = true;
    /** The paths it guards. */
    private List<String> paths = new ArrayList<>(List.of("/wx/callback/**"));
    /** Addresses or CIDRs allowed besides WeCom's list (e.g. a monitoring host). */
    private List<String> extraCidrs = new ArrayList<>();
    /** Peers whose X-Forwarded-For is believed (your load balancer); everyone else's is ignored. */
    private List<String> trustedProxies = new ArrayList<>();
    /**
     * What to do while no WeCom IP is known yet (before the first IP job run): refuse (default; WeCom
     * retries, and the reconciliation repairs what was missed) or let every source through.
     */
    private boolean allowWhenEmpty = false;
    /** How often the list is read again from mdm-service. */
    private Duration refreshInterval = Duration.ofSeconds(60);
    /** mdm-service's login-IP type that holds WeCom's callback IPs. */
    private String loginIpType = "QYWX";
    /** Where mdm-service is; {@code lb://} names are resolved by Spring Cloud LoadBalancer. */
    private String mdmUri = "lb://mdm-service";

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<String> getPaths() { return paths; }
    public void setPaths(List<String> paths) { this.paths = copy(paths); }
    public List<String> getExtraCidrs() { return extraCidrs; }
    public void setExtraCidrs(List<String> extraCidrs) { this.extraCidrs = copy(extraCidrs); }
    public List<String> getTrustedProxies() { return trustedProxies; }
    public void setTrustedProxies(List<String> trustedProxies) { this.trustedProxies = copy(trustedProxies); }
    public boolean isAllowWhenEmpty() { return allowWhenEmpty; }
    public void setAllowWhenEmpty(boolean allowWhenEmpty) { this.allowWhenEmpty = allowWhenEmpty; }
    public Duration getRefreshInterval() { return refreshInterval; }
    public void setRefreshInterval(Duration refreshInterval) { this.refreshInterval = refreshInterval; }
    public String getLoginIpType() { return loginIpType; }
    public void setLoginIpType(String loginIpType) { this.loginIpType = loginIpType; }
    public String getMdmUri() { return mdmUri; }
    public void setMdmUri(String mdmUri) { this.mdmUri = mdmUri; }

    private static List<String> copy(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }
}

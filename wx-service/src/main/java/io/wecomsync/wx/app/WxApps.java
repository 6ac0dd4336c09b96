package io.wecomsync.wx.app;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The configured apps by agentId, and each corp's directory reader app. */
public final class WxApps {

    private final Map<Integer, WxApp> byAgentId;
    private final Map<String, WxApp> readerByCorp;

    WxApps(Map<Integer, WxApp> byAgentId, Map<String, WxApp> readerByCorp) {
        this.byAgentId = Map.copyOf(byAgentId);
        this.readerByCorp = Map.copyOf(readerByCorp);
    }

    public Optional<WxApp> byAgentId(int agentId) {
        return Optional.ofNullable(byAgentId.get(agentId));
    }

    /** The app that reads user/department/tag details for a corp, if the corp named one. */
    public Optional<WxApp> readerOf(String corpId) {
        return Optional.ofNullable(readerByCorp.get(corpId));
    }

    public Collection<WxApp> all() {
        return byAgentId.values();
    }
}

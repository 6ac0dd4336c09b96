package io.wecomsync.wx.app;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured apps, found by corp and agentId or — for corps whose callback URLs do not name the
 * corp — by agentId alone; and each corp's directory reader app.
 */
public final class WxApps {

    private final List<WxApp> all;
    private final Map<String, WxApp> byCorpAndAgent;
    private final Map<Integer, WxApp> byAgentIdAlone;
    private final Map<String, WxApp> readerByCorp;

    /**
     * @param byAgentIdAlone the apps the short callback path {@code /callback/{agentId}} reaches:
     *                       agentIds unique among the corps that use it
     */
    WxApps(List<WxApp> all, Map<Integer, WxApp> byAgentIdAlone, Map<String, WxApp> readerByCorp) {
        this.all = List.copyOf(all);
        this.byCorpAndAgent = all.stream().collect(Collectors.toUnmodifiableMap(app -> key(app.corpId(), app.agentId()),
                Function.identity()));
        this.byAgentIdAlone = Map.copyOf(byAgentIdAlone);
        this.readerByCorp = Map.copyOf(readerByCorp);
    }

    /** The app the short callback path names: only where the agentId alone is enough. */
    public Optional<WxApp> byAgentId(int agentId) {
        return Optional.ofNullable(byAgentIdAlone.get(agentId));
    }

    public Optional<WxApp> find(String corpId, int agentId) {
        return Optional.ofNullable(byCorpAndAgent.get(key(corpId, agentId)));
    }

    /** The app that reads user/department/tag details for a corp, if the corp named one. */
    public Optional<WxApp> readerOf(String corpId) {
        return Optional.ofNullable(readerByCorp.get(corpId));
    }

    public Collection<WxApp> all() {
        return all;
    }

    private static String key(String corpId, int agentId) {
        return corpId + "/" + agentId;
    }
}

package io.wecomsync.wx.app;

import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link WxApps} from {@link WxCpProperties}. Every problem in the configuration is reported
 * at start-up, one line each, before anything runs; secrets never appear in the message.
 */
@Configuration(proxyBeanMethods = false)
class WxAppsConfiguration {

    static final String TOKEN_KEY_PREFIX = "wecom-sync:wxcp";
    /** After Redis failed, how long tokens are kept in process before Redis is tried again. */
    static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(30);

    @Bean
    WxApps wxApps(WxCpProperties properties, RedissonClient redisson, Clock clock) {
        List<String> problems = validate(properties);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wx.cp configuration is invalid:\n  - " + String.join("\n  - ", problems));
        }
        List<WxApp> all = new ArrayList<>();
        Map<Integer, WxApp> byAgentAlone = new HashMap<>();
        Map<String, WxApp> readers = new HashMap<>();
        for (WxCpProperties.Corp corp : properties.application()) {
            for (WxCpProperties.AppConfig config : corp.appConfigs()) {
                WxApp app = new WxApp(corp.corpId(), config.agentId(),
                        config.receivesCallbacks() ? config.token() : null,
                        config.receivesCallbacks() ? Base64.getDecoder().decode(config.aesKey() + "=") : null,
                        api(corp.corpId(), config, properties.apiBaseUrl(), redisson, clock));
                all.add(app);
                if (!corp.callbackPathWithCorpId()) {
                    byAgentAlone.put(config.agentId(), app);
                }
                if (config.agentId().equals(corp.readerAgentId())) {
                    readers.put(corp.corpId(), app);
                }
            }
        }
        return new WxApps(all, byAgentAlone, readers);
    }

    private static WxCpService api(String corpId, WxCpProperties.AppConfig config, String baseUrl, RedissonClient redisson,
                                   Clock clock) {
        // the access token lives in Redis: every instance shares one token per corp and app
        SharedTokenStorage storage = new SharedTokenStorage(redisson, TOKEN_KEY_PREFIX, REDIS_RETRY_AFTER, clock);
        storage.setCorpId(corpId);
        storage.setAgentId(config.agentId());
        storage.setCorpSecret(config.secret());
        storage.setToken(config.token());
        storage.setAesKey(config.aesKey());
        storage.setBaseApiUrl(baseUrl);
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(storage);
        // WxJava retries WeCom's "system busy" (-1) itself, by default five times sleeping up to 31 s in all;
        // the inbox retries busy answers on its own schedule, so one call stays well inside a lease
        service.setMaxRetryTimes(2);
        service.setRetrySleepMillis(300);
        return service;
    }

    static List<String> validate(WxCpProperties properties) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> shortPathCorpByAgent = new HashMap<>();
        Set<String> corpIds = new HashSet<>();
        for (int c = 0; c < properties.application().size(); c++) {
            WxCpProperties.Corp corp = properties.application().get(c);
            String where = "wx.cp.application[" + c + "]";
            if (!WxCpProperties.AppConfig.hasText(corp.corpId())) {
                problems.add(where + ".corpId is missing");
            } else if (!corpIds.add(corp.corpId())) {
                problems.add(where + ".corpId " + corp.corpId() + " is configured twice");
            }
            if (corp.appConfigs().isEmpty()) {
                problems.add(where + ".appConfigs is empty");
            }
            boolean readerFound = corp.readerAgentId() == null;
            Set<Integer> agentIds = new HashSet<>();
            for (int a = 0; a < corp.appConfigs().size(); a++) {
                WxCpProperties.AppConfig app = corp.appConfigs().get(a);
                String at = where + ".appConfigs[" + a + "]";
                if (app.agentId() == null) {
                    problems.add(at + ".agentId is missing");
                    continue;
                }
                if (!agentIds.add(app.agentId())) {
                    problems.add(at + ".agentId " + app.agentId() + " is configured twice in corp " + corp.corpId());
                } else if (!corp.callbackPathWithCorpId()) {
                    String other = shortPathCorpByAgent.putIfAbsent(app.agentId(), corp.corpId());
                    if (other != null) {
                        problems.add(at + ".agentId " + app.agentId() + " is used by corps " + other + " and " + corp.corpId()
                                + ": /wx/callback/" + app.agentId() + " cannot tell them apart; set callbackPathWithCorpId: true"
                                + " on one of them (or both) and give WeCom /wx/callback/{corpId}/{agentId} for it");
                    }
                }
                readerFound |= app.agentId().equals(corp.readerAgentId());
                if (!WxCpProperties.AppConfig.hasText(app.secret())) {
                    problems.add(at + " (agentId " + app.agentId() + "): secret is missing");
                }
                if (app.receivesCallbacks()) {
                    if (!WxCpProperties.AppConfig.hasText(app.token())) {
                        problems.add(at + " (agentId " + app.agentId() + "): token is missing (needed to receive callbacks)");
                    }
                    if (!WxCpProperties.AppConfig.hasText(app.aesKey())) {
                        problems.add(at + " (agentId " + app.agentId() + "): aesKey is missing (needed to receive callbacks)");
                    } else if (app.aesKey().length() != 43 || !app.aesKey().matches("[A-Za-z0-9+/]{43}")) {
                        problems.add(at + " (agentId " + app.agentId() + "): aesKey must be 43 letters and digits (WeCom's EncodingAESKey), got "
                                + app.aesKey().length() + " characters");
                    }
                }
            }
            if (!readerFound) {
                problems.add(where + ".readerAgentId " + corp.readerAgentId() + " is not one of this corp's appConfigs");
            }
        }
        return problems;
    }
}

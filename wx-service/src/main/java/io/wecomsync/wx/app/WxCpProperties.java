package io.wecomsync.wx.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code wx.cp.*}: the corps and apps, in the seed's shape.
 *
 * <pre>
 * wx:
 *   cp:
 *     application:
 *       - corpId: ww...
 *         readerAgentId: 1000002       # optional: the app used for user/get, department/get, tag/get
 *         callbackPathWithCorpId: false  # true: WeCom posts to /wx/callback/{corpId}/{agentId} only
 *         appConfigs:
 *           - agentId: 1000002
 *             secret: ${WX_SECRET_1000002}
 *             token: ...                # token and aesKey: only for apps that receive callbacks
 *             aesKey: ...               # 43 characters
 * </pre>
 *
 * @param application the corps
 * @param apiBaseUrl  WeCom's API root; point it at a simulator in tests
 */
@ConfigurationProperties("wx.cp")
public record WxCpProperties(List<Corp> application,
                             @DefaultValue("https://qyapi.weixin.qq.com") String apiBaseUrl) {

    public WxCpProperties {
        application = application == null ? List.of() : List.copyOf(application);
    }

    /**
     * One corp: its id, its apps, and optionally which app reads directory details.
     *
     * @param callbackPathWithCorpId whether this corp's callback URLs name the corp
     *                               ({@code /wx/callback/{corpId}/{agentId}}) and the short
     *                               {@code /wx/callback/{agentId}} does not reach it; needed when two
     *                               corps have an app with the same agentId. The long form reaches
     *                               every corp's apps in any case.
     */
    public record Corp(String corpId, Integer readerAgentId, List<AppConfig> appConfigs,
                       @DefaultValue("false") boolean callbackPathWithCorpId) {

        public Corp {
            appConfigs = appConfigs == null ? List.of() : List.copyOf(appConfigs);
        }
    }

    /** One app. Never printed whole: {@link #toString()} hides the secrets. */
    public record AppConfig(Integer agentId, String secret, String token, String aesKey) {

        public boolean receivesCallbacks() {
            return hasText(token) || hasText(aesKey);
        }

        @Override
        public String toString() {
            return "AppConfig[agentId=" + agentId + ", secret=" + (hasText(secret) ? "***" : "none")
                    + ", token=" + (hasText(token) ? "***" : "none") + ", aesKey=" + (hasText(aesKey) ? "***" : "none") + "]";
        }

        static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }
}

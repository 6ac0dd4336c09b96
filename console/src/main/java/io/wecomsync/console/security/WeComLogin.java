package io.wecomsync.console.security;

import io.wecomsync.console.ConsoleProperties;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

/**
 * WeCom's web login through WxJava: where to send the browser (the QR-code page, or inside the WeCom app
 * its authorization page), whose a returned code is, and whether a member is in a tag.
 */
@Component
@ConditionalOnProperty(name = "console.wecom.enabled", havingValue = "true")
public class WeComLogin {

    private static final Logger log = LoggerFactory.getLogger(WeComLogin.class);

    private final ConsoleProperties.WeCom settings;
    private final WxCpService api;

    WeComLogin(ConsoleProperties properties) {
        this.settings = properties.wecom();
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(settings.corpId());
        config.setAgentId(settings.agentId());
        config.setCorpSecret(settings.secret());
        config.setBaseApiUrl(settings.apiBaseUrl());
        this.api = new WxCpServiceImpl();
        api.setWxCpConfigStorage(config);
    }

    /**
     * Where the browser goes to sign in: inside the WeCom app ({@code inApp}) its authorization page (no
     * scan needed), elsewhere the QR-code page. WeCom comes back to {@code redirectUri} with a code and
     * {@code state}.
     */
    public String loginUrl(String redirectUri, String state, boolean inApp) {
        if (inApp) {
            return api.getOauth2Service().buildAuthorizationUrl(redirectUri, state);
        }
        return UriComponentsBuilder.fromUriString(settings.loginUrl())
                .queryParam("login_type", "CorpApp")
                .queryParam("appid", settings.corpId())
                .queryParam("agentid", settings.agentId())
                .queryParam("redirect_uri", redirectUri)
                .queryParam("state", state)
                .encode().build().toUriString();
    }

    /** The userid a login code stands for; empty when it stands for no member (someone outside the corp). */
    public Optional<String> userIdOf(String code) throws WxErrorException {
        String userId = api.getOauth2Service().getAuthUserInfo(code).getUserId();
        return userId == null || userId.isBlank() ? Optional.empty() : Optional.of(userId);
    }

    /** Whether member {@code userId} is listed in tag {@code tagId}; false when WeCom cannot say. */
    public boolean inTag(String tagId, String userId) {
        try {
            return api.getTagService().listUsersByTagId(tagId).stream().map(WxCpUser::getUserId).anyMatch(userId::equals);
        } catch (WxErrorException e) {
            log.warn("cannot read the members of tag {} (errcode {}): not counted as its member", tagId,
                    e.getError().getErrorCode());
            return false;
        }
    }
}

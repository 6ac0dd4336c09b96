package io.wecomsync.wx.app;

import me.chanjar.weixin.cp.api.WxCpService;

import java.util.Arrays;

/**
 * One configured WeCom app: what the callback path needs (token, AES key, the corp to expect as
 * receiveid) and its {@link WxCpService} for API calls.
 */
public final class WxApp {

    private final String corpId;
    private final int agentId;
    private final String token;
    private final byte[] aesKey;
    private final WxCpService api;

    WxApp(String corpId, int agentId, String token, byte[] aesKey, WxCpService api) {
        this.corpId = corpId;
        this.agentId = agentId;
        this.token = token;
        this.aesKey = aesKey == null ? null : aesKey.clone();
        this.api = api;
    }

    /**
     * An app that only receives callbacks and makes no API calls — for tools such as the crypto
     * benchmark. {@code encodingAesKey} is WeCom's 43-character EncodingAESKey.
     */
    public static WxApp callbacksOnly(String corpId, int agentId, String token, String encodingAesKey) {
        return new WxApp(corpId, agentId, token, java.util.Base64.getDecoder().decode(encodingAesKey + "="), null);
    }

    public String corpId() {
        return corpId;
    }

    public int agentId() {
        return agentId;
    }

    /** Whether WeCom may post callbacks for this app (it has a token and an AES key). */
    public boolean receivesCallbacks() {
        return token != null && aesKey != null;
    }

    public String token() {
        return token;
    }

    /** The 32-byte key decoded from the app's EncodingAESKey. */
    public byte[] aesKey() {
        return aesKey == null ? null : Arrays.copyOf(aesKey, aesKey.length);
    }

    public WxCpService api() {
        return api;
    }

    @Override
    public String toString() {
        return "WxApp[corpId=" + corpId + ", agentId=" + agentId + "]";
    }
}

package io.wecomsync.wx;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

import java.time.Instant;

/**
 * Builds callbacks the way WeCom does — encrypted with WxJava's own implementation of the scheme
 * and signed — so the receiving side is tested against an independent implementation.
 */
public final class WeComCallbacks {

    public static final String CORP_WITH_READER = "wwtestcorp0000001";
    public static final int AGENT_WITH_READER = 1000001;
    public static final String TOKEN_1 = "testToken1";
    public static final String AES_KEY_1 = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aQ";

    public static final String CORP_WITHOUT_READER = "wwtestcorp0000002";
    public static final int AGENT_WITHOUT_READER = 2000001;
    public static final String TOKEN_2 = "testToken2";
    public static final String AES_KEY_2 = "3cGRhVmUf4fe3V2ZEHDWk8EeQTrMl9BU5Oop8CAXZGk";

    /** A corp whose app has {@link #AGENT_WITH_READER} too: reached at {@code /callback/{corpId}/{agentId}} only. */
    public static final String CORP_SHARING_AGENT = "wwtestcorp0000003";
    public static final String TOKEN_3 = "testToken3";
    public static final String AES_KEY_3 = "d2Vjb20tc3luYyB0ZXN0IGNvcnAgMyBzaGFyZXMgaWQ";

    private WeComCallbacks() {
    }

    /** {@code message} encrypted for {@code receiveId} with {@code aesKey}: the text of {@code <Encrypt>}. */
    public static String encrypt(String message, String aesKey, String receiveId) {
        return new WxCryptUtil("unused", aesKey, receiveId).encrypt("0123456789abcdef", message);
    }

    public static String signature(String token, String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    public static String envelope(String encrypted, String corpId, int agentId) {
        return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[" + agentId + "]]></AgentID></xml>";
    }

    public static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    /** A {@code change_contact} message; {@code fields} are name/value pairs, values wrapped in CDATA. */
    public static String contactChange(String corpId, String changeType, long createTime, String... fields) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[").append(corpId)
                .append("]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>").append(createTime)
                .append("</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>")
                .append("<ChangeType>").append(changeType).append("</ChangeType>");
        for (int i = 0; i < fields.length; i += 2) {
            xml.append('<').append(fields[i]).append("><![CDATA[").append(fields[i + 1]).append("]]></").append(fields[i]).append('>');
        }
        return xml.append("</xml>").toString();
    }
}

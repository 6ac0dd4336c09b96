package io.wecomsync.wx.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WxAppsConfigurationTests {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void theSeedsShapeWithCallbackAndNonCallbackAppsIsValid() {
        WxCpProperties properties = new WxCpProperties(List.of(
                new WxCpProperties.Corp("ww1", 1, List.of(new WxCpProperties.AppConfig(1, "s1", "t1", KEY)), false),
                new WxCpProperties.Corp("ww2", null, List.of(
                        new WxCpProperties.AppConfig(2, "s2", null, null),
                        new WxCpProperties.AppConfig(3, "s3", "", "")), false)), "https://qyapi.weixin.qq.com");

        assertThat(WxAppsConfiguration.validate(properties)).isEmpty();
    }

    @Test
    void everyProblemIsReportedOnALineOfItsOwn() {
        WxCpProperties properties = new WxCpProperties(List.of(
                new WxCpProperties.Corp("ww1", 9, List.of(
                        new WxCpProperties.AppConfig(1, "s1", "t1", "too-short"),
                        new WxCpProperties.AppConfig(2, "s2", "t2", null)), false),
                new WxCpProperties.Corp("ww2", null, List.of(
                        new WxCpProperties.AppConfig(1, "", null, KEY)), false),
                new WxCpProperties.Corp(null, null, List.of(), false)), "https://qyapi.weixin.qq.com");

        List<String> problems = WxAppsConfiguration.validate(properties);

        assertThat(problems).containsExactlyInAnyOrder(
                "wx.cp.application[0].appConfigs[0] (agentId 1): aesKey must be 43 letters and digits (WeCom's EncodingAESKey), got 9 characters",
                "wx.cp.application[0].appConfigs[1] (agentId 2): aesKey is missing (needed to receive callbacks)",
                "wx.cp.application[0].readerAgentId 9 is not one of this corp's appConfigs",
                "wx.cp.application[1].appConfigs[0].agentId 1 is used by corps ww1 and ww2: /wx/callback/1 cannot tell them apart;"
                        + " set callbackPathWithCorpId: true on one of them (or both) and give WeCom /wx/callback/{corpId}/{agentId} for it",
                "wx.cp.application[1].appConfigs[0] (agentId 1): secret is missing",
                "wx.cp.application[1].appConfigs[0] (agentId 1): token is missing (needed to receive callbacks)",
                "wx.cp.application[2].corpId is missing",
                "wx.cp.application[2].appConfigs is empty");
    }

    @Test
    void twoCorpsMayShareAnAgentIdWhenOneOfThemNamesItselfInItsCallbackPath() {
        WxCpProperties properties = new WxCpProperties(List.of(
                new WxCpProperties.Corp("ww1", null, List.of(new WxCpProperties.AppConfig(1000002, "s1", "t1", KEY)), false),
                new WxCpProperties.Corp("ww2", null, List.of(new WxCpProperties.AppConfig(1000002, "s2", "t2", KEY)), true),
                new WxCpProperties.Corp("ww3", null, List.of(new WxCpProperties.AppConfig(1000002, "s3", "t3", KEY)), true)),
                "https://qyapi.weixin.qq.com");

        assertThat(WxAppsConfiguration.validate(properties)).isEmpty();
    }

    @Test
    void anAgentIdTwiceInOneCorpIsRefusedWhateverThePath() {
        WxCpProperties properties = new WxCpProperties(List.of(
                new WxCpProperties.Corp("ww1", null, List.of(new WxCpProperties.AppConfig(7, "s1", "t1", KEY),
                        new WxCpProperties.AppConfig(7, "s2", "t2", KEY)), true)), "https://qyapi.weixin.qq.com");

        assertThat(WxAppsConfiguration.validate(properties))
                .containsExactly("wx.cp.application[0].appConfigs[1].agentId 7 is configured twice in corp ww1");
    }

    @Test
    void anAppConfigNeverPrintsItsSecrets() {
        WxCpProperties.AppConfig app = new WxCpProperties.AppConfig(1, "very-secret", "token-value", KEY);

        assertThat(app.toString()).doesNotContain("very-secret").doesNotContain("token-value").doesNotContain(KEY)
                .contains("agentId=1");
    }
}

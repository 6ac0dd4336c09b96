package io.wecomsync.wx.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WxAppsConfigurationTests {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void theSeedsShapeWithCallbackAndNonCallbackAppsIsValid() {
        WxCpProperties properties = new WxCpProperties(List.of(
                new WxCpProperties.Corp("ww1", 1, List.of(new WxCpProperties.AppConfig(1, "s1", "t1", KEY))),
                new WxCpProperties.Corp("ww2", null, List.of(
                        new WxCpProperties.AppConfig(2, "s2", null, null),
                        new WxCpProperties.AppConfig(3, "s3", "", "")))), "https://qyapi.weixin.qq.com");

        assertThat(WxAppsConfiguration.validate(properties)).isEmpty();
    }

    @Test
    void everyProblemIsReportedOnALineOfItsOwn() {
        WxCpProperties properties = new WxCpProperties(List.of(
                new WxCpProperties.Corp("ww1", 9, List.of(
                        new WxCpProperties.AppConfig(1, "s1", "t1", "too-short"),
                        new WxCpProperties.AppConfig(2, "s2", "t2", null))),
                new WxCpProperties.Corp("ww2", null, List.of(
                        new WxCpProperties.AppConfig(1, "", null, KEY))),
                new WxCpProperties.Corp(null, null, List.of())), "https://qyapi.weixin.qq.com");

        List<String> problems = WxAppsConfiguration.validate(properties);

        assertThat(problems).containsExactlyInAnyOrder(
                "wx.cp.application[0].appConfigs[0] (agentId 1): aesKey must be 43 letters and digits (WeCom's EncodingAESKey), got 9 characters",
                "wx.cp.application[0].appConfigs[1] (agentId 2): aesKey is missing (needed to receive callbacks)",
                "wx.cp.application[0].readerAgentId 9 is not one of this corp's appConfigs",
                "wx.cp.application[1].appConfigs[0].agentId 1 is configured twice (agentIds must be unique)",
                "wx.cp.application[1].appConfigs[0] (agentId 1): secret is missing",
                "wx.cp.application[1].appConfigs[0] (agentId 1): token is missing (needed to receive callbacks)",
                "wx.cp.application[2].corpId is missing",
                "wx.cp.application[2].appConfigs is empty");
    }

    @Test
    void anAppConfigNeverPrintsItsSecrets() {
        WxCpProperties.AppConfig app = new WxCpProperties.AppConfig(1, "very-secret", "token-value", KEY);

        assertThat(app.toString()).doesNotContain("very-secret").doesNotContain("token-value").doesNotContain(KEY)
                .contains("agentId=1");
    }
}

package io.wecomsync.wx.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The public development key for stored messages never leaves the local and test profiles. */
class PayloadCipherTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, PayloadCipher.class);

    @Test
    void startUpFailsWithoutKeysOutsideTheLocalAndTestProfiles() {
        context.withPropertyValues("spring.profiles.active=nacos").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("No key for stored WeCom messages")
                    .hasMessageContaining("WX_INBOX_KEYS_");
        });
    }

    @Test
    void theLocalProfileUsesTheDevelopmentKeyAndConfiguredKeysWinEverywhere() {
        context.withPropertyValues("spring.profiles.active=local").run(started ->
                assertThat(started.getBean(PayloadCipher.class).seal("x")).startsWith("dev:"));
        context.withPropertyValues("spring.profiles.active=nacos", "wx.inbox.keys.k1=" + "A".repeat(43) + "=",
                "wx.inbox.active-key-id=k1").run(started -> {
            assertThat(started).hasNotFailed();
            PayloadCipher cipher = started.getBean(PayloadCipher.class);
            assertThat(cipher.seal("张三")).startsWith("k1:");
            assertThat(cipher.open(cipher.seal("张三"))).isEqualTo("张三");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(InboxProperties.class)
    static class Properties {
    }
}

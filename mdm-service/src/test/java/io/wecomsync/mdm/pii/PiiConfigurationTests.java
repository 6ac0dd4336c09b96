package io.wecomsync.mdm.pii;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PiiConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, PiiConfiguration.class);

    @Test
    void startUpFailsWithoutKeysOutsideTheLocalAndTestProfiles() {
        context.withPropertyValues("spring.profiles.active=prod").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("No key for personal data is configured")
                    .hasMessageContaining("MDM_PII_KEYS_");
        });
    }

    @Test
    void theLocalProfileFallsBackToTheDevelopmentKey() {
        context.withPropertyValues("spring.profiles.active=local").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(PiiCipher.class).encrypt("mobile", "1")).startsWith("dev:");
        });
    }

    @Test
    void configuredKeysAreUsed() {
        context.withPropertyValues("mdm.pii.keys.prod1=" + "A".repeat(43) + "=", "mdm.pii.active-key-id=prod1",
                "mdm.pii.hash-key=" + "B".repeat(43) + "=").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(PiiCipher.class).encrypt("mobile", "1")).startsWith("prod1:");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PiiProperties.class)
    static class Properties {
    }
}

package io.wecomsync.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicSecretGuardTests {

    private final PublicSecretGuard guard = new PublicSecretGuard();

    @Test
    void thePublishedLocalSecretIsRefusedOutsideTheLocalAndTestProfiles() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("wecom.security.jwt.secret", "local-development-secret-not-for-production-use");
        production.setActiveProfiles("nacos");

        assertThatThrownBy(() -> guard.postProcessEnvironment(production, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WECOM_JWT_SECRET").hasMessageContaining("published")
                .hasMessageNotContaining("local-development-secret");
    }

    @Test
    void theLocalAndTestProfilesMayUseThem() {
        MockEnvironment local = new MockEnvironment()
                .withProperty("wecom.security.jwt.secret", "local-development-secret-not-for-production-use");
        local.setActiveProfiles("local");
        MockEnvironment test = new MockEnvironment()
                .withProperty("wecom.security.jwt.secret", "test-secret-shared-by-the-wecom-sync-tests");
        test.setActiveProfiles("test");

        assertThatCode(() -> guard.postProcessEnvironment(local, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(test, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aSecretOfYourOwnOrNoneAtAllIsNotItsBusiness() {
        MockEnvironment own = new MockEnvironment().withProperty("wecom.security.jwt.secret", "a-secret-nobody-else-has-0123456789");
        MockEnvironment none = new MockEnvironment();

        assertThatCode(() -> guard.postProcessEnvironment(own, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(none, new SpringApplication())).doesNotThrowAnyException();
    }
}

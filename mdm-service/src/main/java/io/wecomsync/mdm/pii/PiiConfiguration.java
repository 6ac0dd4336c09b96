package io.wecomsync.mdm.pii;

import io.wecomsync.common.crypto.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.Map;

/**
 * Builds the {@link PiiCipher}. Outside the {@code local} and {@code test} profiles start-up fails
 * unless keys are configured; in those two profiles a fixed, publicly known development key is used
 * when none is set, so local data stays readable across restarts.
 */
@Configuration(proxyBeanMethods = false)
class PiiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiConfiguration.class);
    static final String DEV_KEY_ID = "dev";

    @Bean
    PiiCipher piiCipher(PiiProperties properties, Environment environment) {
        if (!properties.isConfigured()) {
            if (!environment.acceptsProfiles(Profiles.of("local", "test"))) {
                throw new IllegalStateException("No key for personal data is configured. Set MDM_PII_KEYS_<ID>"
                        + " (base64 of 32 random bytes), MDM_PII_ACTIVE_KEY_ID=<id> and MDM_PII_HASH_KEY"
                        + " (base64, >= 32 bytes); only the local and test profiles may run without them.");
            }
            log.warn("mdm.pii keys are not configured: using the public development key (local/test profile only)");
            return new PiiCipher(developmentKeys());
        }
        return new PiiCipher(properties);
    }

    private static PiiProperties developmentKeys() {
        return new PiiProperties(Map.of(DEV_KEY_ID, KeyRing.developmentKey("wecom-sync development encryption key")),
                DEV_KEY_ID, KeyRing.developmentKey("wecom-sync development lookup-hash key"));
    }
}

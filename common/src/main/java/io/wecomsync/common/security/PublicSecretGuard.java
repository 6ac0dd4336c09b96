package io.wecomsync.common.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.util.Set;

/**
 * Refuses to start a service outside the {@code local} and {@code test} profiles when its JWT secret is
 * one of the secrets published in this repository (the local profile's, the tests'): anyone could mint
 * an admin token for it. Runs before anything else is built, in every service.
 */
public class PublicSecretGuard implements EnvironmentPostProcessor {

    static final String PROPERTY = "wecom.security.jwt.secret";
    static final Set<String> PUBLIC = Set.of(
            "local-development-secret-not-for-production-use",
            "test-secret-shared-by-the-wecom-sync-tests");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String secret = environment.getProperty(PROPERTY);
        if (secret != null && PUBLIC.contains(secret.trim()) && !environment.acceptsProfiles(Profiles.of("local", "test"))) {
            throw new IllegalStateException(PROPERTY + " (WECOM_JWT_SECRET) is a secret published with wecom-sync, for the"
                    + " local and test profiles only: anyone could sign tokens for this service. Set WECOM_JWT_SECRET to"
                    + " at least 32 random bytes of your own (e.g. `openssl rand -base64 48`).");
        }
    }
}

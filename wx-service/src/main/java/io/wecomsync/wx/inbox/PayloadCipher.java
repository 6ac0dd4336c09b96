package io.wecomsync.wx.inbox;

import io.wecomsync.common.crypto.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Encrypts stored messages at rest (they hold mobile numbers and emails). Without configured keys
 * start-up fails, except in the local and test profiles, which use a public development key.
 */
@Component
class PayloadCipher {

    private static final Logger log = LoggerFactory.getLogger(PayloadCipher.class);
    private static final String AAD = "inbox-payload";
    private static final String DEV_KEY_ID = "dev";

    private final KeyRing keys;

    PayloadCipher(InboxProperties properties, Environment environment) {
        if (properties.keys().isEmpty()) {
            if (!environment.acceptsProfiles(Profiles.of("local", "test"))) {
                throw new IllegalStateException("No key for stored WeCom messages is configured. Set WX_INBOX_KEYS_<ID>"
                        + " (base64 of 32 random bytes) and WX_INBOX_ACTIVE_KEY_ID=<id>; only the local and test profiles"
                        + " may run without them.");
            }
            log.warn("wx.inbox payload keys are not configured: using the public development key (local/test profile only)");
            this.keys = new KeyRing(Map.of(DEV_KEY_ID, KeyRing.developmentKey("wecom-sync development inbox key")),
                    DEV_KEY_ID, "wx.inbox.keys");
        } else {
            this.keys = new KeyRing(properties.keys(), properties.activeKeyId(), "wx.inbox.keys");
        }
    }

    String seal(String payload) {
        return keys.encrypt(AAD, payload);
    }

    String open(String stored) {
        return keys.decrypt(AAD, stored);
    }
}

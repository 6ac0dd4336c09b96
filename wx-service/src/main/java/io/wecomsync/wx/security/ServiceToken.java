package io.wecomsync.wx.security;

import io.wecomsync.common.security.Scopes;
import io.wecomsync.common.security.TokenMinter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * wx-service's bearer token for mdm-service: scoped to what it calls (directory writes, CRM push,
 * login-IP replace, reads), valid for {@value #LIFETIME_MINUTES} minutes, minted again shortly before
 * it expires.
 */
@Component
public class ServiceToken {

    static final String SCOPE = String.join(" ", Scopes.MDM_READ, Scopes.MDM_WRITE, Scopes.MDM_CRM, Scopes.MDM_LOGIN_IP);
    private static final long LIFETIME_MINUTES = 10;

    private final TokenMinter minter;
    private final Clock clock;
    private volatile Minted current;

    ServiceToken(TokenMinter minter, Clock clock) {
        this.minter = minter;
        this.clock = clock;
    }

    public String bearer() {
        Minted token = current;
        Instant now = clock.instant();
        if (token == null || now.isAfter(token.renewAt())) {
            token = new Minted(minter.mint("wx-service", SCOPE, Duration.ofMinutes(LIFETIME_MINUTES)),
                    now.plus(Duration.ofMinutes(LIFETIME_MINUTES - 2)));
            current = token;
        }
        return "Bearer " + token.value();
    }

    private record Minted(String value, Instant renewAt) {
    }
}

package io.wecomsync.console.security;

import io.wecomsync.common.security.Scopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The person using the console, and what the services let them do: an admin's calls carry the
 * {@code admin} scope, a viewer's only the read scopes.
 */
public record Operator(String id, boolean admin) {

    public static final String ADMIN = "ADMIN";
    public static final String VIEWER = "VIEWER";
    /** Before the userid of an operator who signed in with WeCom, so they never pass for a local account. */
    public static final String WECOM_PREFIX = "wecom:";

    public static Operator of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + ADMIN)::equals);
        return new Operator(authentication.getName(), admin);
    }

    /** The scopes of the token minted for this operator's calls. */
    public String scope() {
        return admin ? Scopes.ADMIN : Scopes.WX_READ + " " + Scopes.MDM_READ;
    }
}

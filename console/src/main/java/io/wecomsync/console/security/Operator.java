package io.wecomsync.console.security;

import io.wecomsync.common.security.Scopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * The person using the console, and what the services let them do: an admin's calls carry the
 * {@code admin} scope, a viewer's only the read scopes.
 */
public record Operator(String id, boolean admin) {

    public static final String ADMIN = "ADMIN";
    public static final String VIEWER = "VIEWER";
    /** Before the userid of an operator who signed in with WeCom, so they never pass for a local account. */
    public static final String WECOM_PREFIX = "wecom:";

    /** Before the userid of an operator who signed in through an OIDC provider. */
    public static final String OIDC_PREFIX = "oidc:";

    public static Operator of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + ADMIN)::equals);
        String id = authentication instanceof OAuth2AuthenticationToken ? OIDC_PREFIX + authentication.getName()
                : authentication.getName();
        return new Operator(id, admin);
    }

    /** The scopes of the token minted for this operator's calls. */
    public String scope() {
        return admin ? Scopes.ADMIN : Scopes.WX_READ + " " + Scopes.MDM_READ;
    }
}

package io.wecomsync.console.security;

import io.wecomsync.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.List;
import java.util.Optional;

/**
 * Who an operator signed in through an OIDC provider is to the console: the claim {@code console.oidc.userid-claim}
 * holds their WeCom userid, and {@code console.roles} gives them their role (by userid, or by WeCom tag when
 * WeCom login is configured to read tags). Without a role the sign-in fails ({@value #NO_ROLE}).
 */
class OidcOperators implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_ROLE = "no_console_role";
    private static final Logger log = LoggerFactory.getLogger(OidcOperators.class);

    private final OidcUserService delegate = new OidcUserService();
    private final ConsoleRoles roles;
    private final ObjectProvider<WeComLogin> weCom;
    private final String claim;

    OidcOperators(ConsoleRoles roles, ObjectProvider<WeComLogin> weCom, ConsoleProperties properties) {
        this.roles = roles;
        this.weCom = weCom;
        this.claim = properties.oidc().useridClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        String userId = user.getClaimAsString(claim);
        if (userId == null || userId.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE, "the ID token has no " + claim + " claim", null));
        }
        WeComLogin tags = weCom.getIfAvailable();
        Optional<String> role = roles.roleOf(userId, tag -> tags != null && tags.inTag(tag, userId));
        if (role.isEmpty()) {
            log.info("{} signed in through {} but has no console role (console.roles)", userId,
                    request.getClientRegistration().getRegistrationId());
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE, userId + " has no console role", null));
        }
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + role.get())), user.getIdToken(),
                user.getUserInfo(), claim);
    }
}

package io.wecomsync.console.security;

import io.wecomsync.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in with WeCom: {@code /login/wecom} sends the browser to WeCom with a one-time {@code state} kept in
 * the session; WeCom sends it back to {@code /login/wecom/callback} with a code, which WeCom turns into the
 * member's userid. The member gets the role {@code console.roles} gives them (as it stands at that moment)
 * under the id {@code wecom:<userid>}, in a new session; without a role they are refused.
 */
@Controller
@ConditionalOnProperty(name = "console.wecom.enabled", havingValue = "true")
class WeComLoginController {

    private static final Logger log = LoggerFactory.getLogger(WeComLoginController.class);
    private static final String STATE = WeComLoginController.class.getName() + ".state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WeComLogin weCom;
    private final ConsoleRoles roles;
    private final String redirectUri;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WeComLoginController(WeComLogin weCom, ConsoleRoles roles, ConsoleProperties properties) {
        this.weCom = weCom;
        this.roles = roles;
        this.redirectUri = properties.wecom().redirectUri();
    }

    @GetMapping("/login/wecom")
    String start(HttpServletRequest request, @RequestHeader(name = "User-Agent", required = false) String agent) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        request.getSession(true).setAttribute(STATE, state);
        boolean inApp = agent != null && agent.contains("wxwork");
        return "redirect:" + weCom.loginUrl(callbackUrl(), state, inApp);
    }

    @GetMapping("/login/wecom/callback")
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                    HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(STATE);
        if (session != null) {
            session.removeAttribute(STATE);
        }
        if (code == null || code.isBlank() || code.length() > 512 || state == null || !(expected instanceof String known)
                || !MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            return "redirect:/login?refused=invalid";
        }
        Optional<String> userId;
        try {
            userId = weCom.userIdOf(code);
        } catch (WxErrorException e) {
            log.warn("WeCom refused a login code (errcode {})", e.getError().getErrorCode());
            return "redirect:/login?refused=failed";
        }
        if (userId.isEmpty()) {
            return "redirect:/login?refused=outsider";
        }
        String member = userId.get();
        Optional<String> role = roles.roleOf(member, tag -> weCom.inTag(tag, member));
        if (role.isEmpty()) {
            log.info("WeCom member {} signed in but has no console role (console.roles)", member);
            return "redirect:/login?refused=norole";
        }
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(Operator.WECOM_PREFIX + member, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.get()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        log.info("WeCom member {} signed in as {}", member, role.get());
        return "redirect:/";
    }

    /** Where WeCom sends the browser back: as configured, or this console's own URL as the browser sees it. */
    private String callbackUrl() {
        return redirectUri.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/login/wecom/callback").toUriString()
                : redirectUri;
    }
}

package io.wecomsync.console.security;

import io.wecomsync.simulator.Directory;
import io.wecomsync.simulator.WeComApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in with WeCom against the simulator's web login: state, codes, roles by userid and tag, live roles. */
@SpringBootTest(properties = {
        "console.local.admin-password=admin-password-for-tests",
        "wecom.security.jwt.secret=test-secret-shared-by-the-wecom-sync-tests",
        "console.wecom.enabled=true",
        "console.wecom.corp-id=" + WeComLoginTests.CORP,
        "console.wecom.agent-id=1000002",
        "console.wecom.secret=console-login-secret",
        "console.roles.admin-users[0]=zhangsan",
        "console.roles.viewer-tags[0]=7"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WeComLoginTests {

    static final String CORP = "wwconsolelogin01";
    private static final Directory DIRECTORY = new Directory();
    private static final WeComApiServer WECOM = start();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleRoles roles;
    @Autowired
    ConfigurableEnvironment environment;

    @DynamicPropertySource
    static void weCom(DynamicPropertyRegistry registry) {
        registry.add("console.wecom.api-base-url", WECOM::baseUrl);
        registry.add("console.wecom.login-url", () -> WECOM.baseUrl() + "/wwlogin/sso/login");
    }

    @AfterAll
    static void stop() {
        WECOM.close();
    }

    @AfterEach
    void nobodySignsIn() {
        WECOM.signIn(null);
    }

    @Test
    void aMemberNamedAsAdminSignsInByScanningAndActsUnderTheirWeComId() throws Exception {
        WECOM.signIn("zhangsan");

        MockHttpSession session = signIn();

        SecurityContext context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo("wecom:zhangsan");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void aTagMemberIsAViewerAndAMemberWithoutARoleIsRefused() throws Exception {
        DIRECTORY.put(new Directory.Tag(7, "IT 运维", Set.of("wangwu"), Set.of()));
        WECOM.signIn("wangwu");
        SecurityContext viewer = (SecurityContext) signIn().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(viewer.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");

        WECOM.signIn("zhaoliu");
        Map<String, String> back = scan(startSignIn(new MockHttpSession()));
        MockHttpSession session = new MockHttpSession();
        String state = back.get("state");
        session.setAttribute(WeComLoginController.class.getName() + ".state", state);
        mvc.perform(get("/login/wecom/callback").param("code", back.get("code")).param("state", state).session(session))
                .andExpect(redirectedUrl("/login?refused=norole"));
    }

    @Test
    void aForgedStateOrAUsedCodeSignsNobodyIn() throws Exception {
        WECOM.signIn("zhangsan");
        MockHttpSession session = new MockHttpSession();
        Map<String, String> back = scan(startSignIn(session));

        mvc.perform(get("/login/wecom/callback").param("code", back.get("code")).param("state", "forged").session(session))
                .andExpect(redirectedUrl("/login?refused=invalid"));
        // the state is good once, and the forged try spent it
        mvc.perform(get("/login/wecom/callback").param("code", back.get("code")).param("state", back.get("state")).session(session))
                .andExpect(redirectedUrl("/login?refused=invalid"));

        MockHttpSession again = new MockHttpSession();
        Map<String, String> second = scan(startSignIn(again));
        // the first code was never redeemed, so it still works once; the second use fails at WeCom
        mvc.perform(get("/login/wecom/callback").param("code", back.get("code")).param("state", second.get("state")).session(again))
                .andExpect(redirectedUrl("/"));
        MockHttpSession third = new MockHttpSession();
        Map<String, String> thirdBack = scan(startSignIn(third));
        mvc.perform(get("/login/wecom/callback").param("code", back.get("code")).param("state", thirdBack.get("state")).session(third))
                .andExpect(redirectedUrl("/login?refused=failed"));
        String page = mvc.perform(get("/login").param("refused", "failed")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未能确认登录");
    }

    @Test
    void rolesChangedAtRunTimeApplyFromTheNextSignIn() throws Exception {
        WECOM.signIn("lisi");
        assertThat(roles.roleOf("lisi", tag -> false)).isEmpty();

        TestPropertyValues.of("console.roles.admin-users=zhangsan,lisi").applyTo(environment);
        roles.onApplicationEvent(new EnvironmentChangeEvent(Set.of("console.roles.admin-users")));
        try {
            SecurityContext context = (SecurityContext) signIn().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            assertThat(context.getAuthentication().getName()).isEqualTo("wecom:lisi");
            assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");

            TestPropertyValues.of("console.roles.admin-users=zhangsan,not a userid!").applyTo(environment);
            roles.onApplicationEvent(new EnvironmentChangeEvent(Set.of("console.roles.admin-users")));
            assertThat(roles.current().adminUsers()).as("a bad value is refused, the old ones stay").contains("lisi");
        } finally {
            TestPropertyValues.of("console.roles.admin-users=zhangsan").applyTo(environment);
            roles.onApplicationEvent(new EnvironmentChangeEvent(Set.of("console.roles.admin-users")));
        }
    }

    @Test
    void theLoginPageOffersWeComAndTheLocalFormStillWorks() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"wecom-login\"", "使用企业微信登录", "id=\"username\"");
    }

    /** The whole round: to WeCom, scanned, back with a code; answers the signed-in session. */
    private MockHttpSession signIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Map<String, String> back = scan(startSignIn(session));
        mvc.perform(get("/login/wecom/callback").param("code", back.get("code")).param("state", back.get("state")).session(session))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        return session;
    }

    private String startSignIn(MockHttpSession session) throws Exception {
        String location = mvc.perform(get("/login/wecom").session(session)).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(WECOM.baseUrl() + "/wwlogin/sso/login?login_type=CorpApp&appid=" + CORP + "&agentid=1000002");
        return location;
    }

    /** The simulator's login page, as the browser follows it: where it sends the browser back, as parameters. */
    private Map<String, String> scan(String loginUrl) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(loginUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String back = answer.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith("http://localhost/login/wecom/callback?");
        return UriComponentsBuilder.fromUriString(back).build().getQueryParams().toSingleValueMap();
    }

    private static WeComApiServer start() {
        try {
            return new WeComApiServer(DIRECTORY, CORP, 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}

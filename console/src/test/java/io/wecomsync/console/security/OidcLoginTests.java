package io.wecomsync.console.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in through an OIDC provider (Spring Security's OAuth2 client against a stand-in provider). */
@SpringBootTest(properties = {
        "console.local.admin-password=admin-password-for-tests",
        "wecom.security.jwt.secret=test-secret-shared-by-the-wecom-sync-tests",
        "spring.security.oauth2.client.registration.corp-sso.client-id=" + OidcProviderStub.CLIENT_ID,
        "spring.security.oauth2.client.registration.corp-sso.client-secret=console-client-secret",
        "spring.security.oauth2.client.registration.corp-sso.client-name=公司统一认证",
        "spring.security.oauth2.client.registration.corp-sso.scope=openid,profile",
        "console.roles.admin-users=zhangsan"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OidcLoginTests {

    private static final OidcProviderStub PROVIDER = start();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.corp-sso.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void anOperatorNamedInTheRolesSignsInThroughTheProviderAndActsAsOidcUserid() throws Exception {
        PROVIDER.signIn("zhangsan");
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/login/oauth2/code/corp-sso").params(back(session)).session(session))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));

        Authentication signedIn = ((SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication();
        assertThat(Operator.of(signedIn)).isEqualTo(new Operator("oidc:zhangsan", true));
    }

    @Test
    void someoneTheRolesDoNotNameIsRefusedWithAClearMessage() throws Exception {
        PROVIDER.signIn("zhaoliu");
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/login/oauth2/code/corp-sso").params(back(session)).session(session))
                .andExpect(redirectedUrl("/login?refused=norole"));
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("使用 公司统一认证 登录", "/oauth2/authorization/corp-sso");
    }

    /** To the provider and back: the parameters it sends the browser back with. */
    private MultiValueMap<String, String> back(MockHttpSession session) throws Exception {
        String authorize = mvc.perform(get("/oauth2/authorization/corp-sso").session(session))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize?").contains("nonce=");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElseThrow();
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUriString(location).build(true).getQueryParams().forEach((name, values) ->
                values.forEach(value -> parameters.add(name, URLDecoder.decode(value, StandardCharsets.UTF_8))));
        return parameters;
    }

    private static OidcProviderStub start() {
        try {
            return new OidcProviderStub();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

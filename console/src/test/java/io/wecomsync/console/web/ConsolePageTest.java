package io.wecomsync.console.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The console's pages in MockMvc against a stand-in gateway (WireMock) that answers as wx-service and
 * mdm-service would. One context and one stand-in for every page test.
 */
@SpringBootTest(properties = {
        "console.local.admin-password=admin-password-for-tests",
        "console.local.viewer-password=viewer-password-for-tests",
        "wecom.security.jwt.secret=test-secret-shared-by-the-wecom-sync-tests"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ConsolePageTest {

    static final WireMockServer GATEWAY = start();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("console.gateway-url", GATEWAY::baseUrl);
    }

    static MockHttpServletRequestBuilder page(String url, Object... variables) {
        return MockMvcRequestBuilders.get(url, variables);
    }

    /** A service's answer with {@code data}, as {@code Result.ok} writes it. */
    static String ok(String data) {
        return "{\"code\":0,\"msg\":\"ok\",\"data\":" + data + "}";
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}

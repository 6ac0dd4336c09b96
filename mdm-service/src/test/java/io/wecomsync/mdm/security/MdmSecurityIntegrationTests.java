package io.wecomsync.mdm.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.wecomsync.common.security.Scopes;
import io.wecomsync.mdm.MdmHttp;
import io.wecomsync.mdm.MdmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.wecomsync.mdm.user.UserBodies.user;
import static org.assertj.core.api.Assertions.assertThat;

/** mdm-service checks tokens itself: the gateway is not the only guard. */
class MdmSecurityIntegrationTests extends MdmIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    private final String corp = newCorpId();

    @Test
    void aCallWithoutATokenIsRefusedWith401() {
        MdmHttp anonymous = new MdmHttp(rest, json, null);

        MdmHttp.Answer answer = anonymous.get("/users/{id}", "1");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo(40101);
        assertThat(anonymous.put("/users/by-wx/{c}/nobody", user(Instant.now(), "name", "x"), corp).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_user WHERE corp_id = ?", Integer.class, corp)).isZero();
    }

    @Test
    void scopesDecideWhatATokenMayDo() {
        MdmHttp reader = new MdmHttp(rest, json, Scopes.MDM_READ);
        MdmHttp wxService = new MdmHttp(rest, json, "mdm.read mdm.write mdm.crm mdm.loginip");

        assertThat(reader.get("/users?corpId={c}&wxUserId=x", corp).status()).isEqualTo(200);
        assertThat(reader.post("/users/search", Map.of("corpId", corp, "mobile", "13800000000")).status())
                .as("a lookup by mobile is a read, though it is a POST").isEqualTo(200);
        assertThat(reader.put("/users/by-wx/{c}/x", user(Instant.now(), "name", "x"), corp).status()).isEqualTo(403);
        assertThat(reader.put("/login-ips/SCOPED", Map.of("ips", List.of("1.1.1.1"))).status()).isEqualTo(403);
        assertThat(reader.get("/admin/outbox?status=DEAD").status()).as("the outbox's state holds no personal data").isEqualTo(200);
        assertThat(reader.post("/admin/outbox/replay-dead", null).status()).as("replaying takes an admin").isEqualTo(403);

        assertThat(wxService.put("/users/by-wx/{c}/x", user(Instant.now(), "name", "x"), corp).status()).isEqualTo(200);
        assertThat(wxService.put("/login-ips/SCOPED", Map.of("ips", List.of("1.1.1.1"))).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT caller FROM mdm_oper_log WHERE corp_id = ?", String.class, corp))
                .as("the token's subject is recorded as the caller").isEqualTo("test-operator");
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(Scopes.ISSUER).audience(Scopes.AUDIENCE).subject("forever")
                .claim("scope", Scopes.MDM_READ).issueTime(new Date()).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(MdmHttp.TEST_SECRET.getBytes(StandardCharsets.UTF_8)));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token.serialize());

        ResponseEntity<String> answer = rest.exchange("/users?corpId=" + corp + "&wxUserId=x", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void healthAndApiDocsAreOpen() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(200);
    }
}

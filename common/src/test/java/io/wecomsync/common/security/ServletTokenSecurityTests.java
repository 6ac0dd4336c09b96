package io.wecomsync.common.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Service tokens and an identity provider's RS256 tokens (its JWK set served over HTTP) side by side. */
class ServletTokenSecurityTests {

    private static final String SECRET = "a-secret-for-the-token-security-tests-only";
    private static final String IDP_ISSUER = "https://idp.example";
    private static final String IDP_AUDIENCE = "wecom-sync-api";

    private static RSAKey idpKey;
    private static HttpServer jwks;
    private static JwtDecoder decoder;

    @BeforeAll
    static void serveTheProvidersKeys() throws Exception {
        idpKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] body = new JWKSet(idpKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        decoder = ServletTokenSecurity.decoder(SECRET, new IdentityProvider(
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks", IDP_ISSUER, IDP_AUDIENCE));
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void ourServiceTokensAreAccepted() {
        String token = new TokenMinter(SECRET, Clock.systemUTC()).mint("wx-service", "mdm.read", Duration.ofMinutes(5));

        assertThat(decoder.decode(token).getClaimAsString("scope")).isEqualTo("mdm.read");
    }

    @Test
    void theProvidersTokensAreAcceptedWithItsIssuerAndAudience() throws Exception {
        String token = providerToken(claims(IDP_ISSUER, IDP_AUDIENCE).build());

        assertThat(decoder.decode(token).getSubject()).isEqualTo("ops-li");
    }

    @Test
    void theProvidersTokensForAnotherAudienceOrFromAnotherIssuerAreRefused() throws Exception {
        String otherAudience = providerToken(claims(IDP_ISSUER, "another-app").build());
        String otherIssuer = providerToken(claims("https://elsewhere.example", IDP_AUDIENCE).build());
        String noExpiry = providerToken(claims(IDP_ISSUER, IDP_AUDIENCE).expirationTime(null).build());

        assertThatThrownBy(() -> decoder.decode(otherAudience)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(otherIssuer)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(noExpiry)).isInstanceOf(JwtException.class);
    }

    @Test
    void aServiceTokenWithoutOurAudienceIsRefused() throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(Scopes.ISSUER, null).build());
        token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> decoder.decode(token.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void neitherKeyPassesForTheOther() throws Exception {
        // the provider's key signing a token that claims to be ours; our secret signing one that claims the provider
        String posingAsService = providerToken(claims(Scopes.ISSUER, Scopes.AUDIENCE).build());
        SignedJWT posingAsProvider = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(IDP_ISSUER, IDP_AUDIENCE).build());
        posingAsProvider.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> decoder.decode(posingAsService)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(posingAsProvider.serialize())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode("not-a-jwt")).isInstanceOf(JwtException.class);
    }

    @Test
    void theSecretIsRequiredAlsoWithAProvider() {
        IdentityProvider provider = new IdentityProvider("http://127.0.0.1:1/jwks", null, null);

        assertThatThrownBy(() -> ServletTokenSecurity.decoder("", provider))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WECOM_JWT_SECRET");
        assertThatThrownBy(() -> new IdentityProvider(null, IDP_ISSUER, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jwk-set-uri");
    }

    private static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("ops-li").claim("scope", "mdm.read")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        return audience == null ? claims : claims.audience(audience);
    }

    private static String providerToken(JWTClaimsSet claims) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idpKey.getKeyID()).build(), claims);
        token.sign(new RSASSASigner(idpKey));
        return token.serialize();
    }
}

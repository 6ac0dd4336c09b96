package io.wecomsync.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An identity provider as the services see one: an RSA key pair whose public half is served as a JWK
 * set over HTTP, and RS256 tokens signed with the private half.
 */
final class IdentityProviderStub implements AutoCloseable {

    static final String ISSUER = "https://idp.e2e.example";
    static final String AUDIENCE = "wecom-sync-api";

    private final RSAKey key;
    private final HttpServer server;

    IdentityProviderStub() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("e2e-idp-key").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** The settings every service gets to accept this provider's tokens. */
    List<String> serviceArguments() {
        return List.of("--wecom.security.jwt.jwk-set-uri=" + jwkSetUri(), "--wecom.security.jwt.idp-issuer=" + ISSUER,
                "--wecom.security.jwt.idp-audience=" + AUDIENCE);
    }

    /** An operator's token as this provider issues it. */
    String token(String subject, String scope) {
        return token(ISSUER, AUDIENCE, subject, scope);
    }

    /** A token signed with this provider's key carrying any issuer and audience. */
    String token(String issuer, String audience, String subject, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .claim("scope", scope).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

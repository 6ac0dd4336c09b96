package io.wecomsync.wx.callback;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import io.wecomsync.wx.inbox.Inbox;
import io.wecomsync.wx.xml.SafeXml;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WeCom's callback URL. Verifies, decrypts, stores, answers — in that order, and nothing else: the
 * event is applied later by the inbox worker, so WeCom gets its answer in milliseconds.
 * {@code /callback/{agentId}} is the seed's path; {@code /callback/{corpId}/{agentId}} reaches every
 * app of every corp, also where two corps have apps with the same agentId.
 */
@RestController
@RequestMapping({"/callback/{agentId}", "/callback/{corpId}/{agentId}"})
class CallbackController {

    private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final WxApps apps;
    private final CallbackCrypto crypto;
    private final Inbox inbox;
    private final CallbackProperties properties;
    private final CallbackMetrics metrics;
    private final Clock clock;

    CallbackController(WxApps apps, CallbackCrypto crypto, Inbox inbox, CallbackProperties properties,
                       CallbackMetrics metrics, Clock clock) {
        this.apps = apps;
        this.crypto = crypto;
        this.inbox = inbox;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** URL verification: answers the decrypted {@code echostr}, bare, as text/plain. */
    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<byte[]> verifyUrl(@PathVariable(required = false) String corpId, @PathVariable String agentId,
                                     @RequestParam(name = "msg_signature", required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        metrics.received();
        WxApp app = app(corpId, agentId);
        require(signature, "msg_signature");
        require(timestamp, "timestamp");
        require(nonce, "nonce");
        require(echostr, "echostr");
        checkTimestamp(timestamp);
        crypto.verifySignature(app, timestamp, nonce, echostr, signature);
        String plain = crypto.decrypt(app, echostr);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** An event: stored before the answer; a redelivery is answered the same way and not stored again. */
    @PostMapping
    ResponseEntity<Void> receive(@PathVariable(required = false) String corpId, @PathVariable String agentId,
                                 @RequestParam(name = "msg_signature", required = false) String signature,
                                 @RequestParam(required = false) String timestamp,
                                 @RequestParam(required = false) String nonce,
                                 HttpServletRequest request) throws IOException {
        metrics.received();
        WxApp app = app(corpId, agentId);
        require(signature, "msg_signature");
        require(timestamp, "timestamp");
        require(nonce, "nonce");
        checkTimestamp(timestamp);
        String body = readBody(request);
        String encrypted = parse(body).get("Encrypt");
        if (encrypted == null || encrypted.isEmpty()) {
            throw CallbackRejected.badRequest("malformed_xml", "the body has no Encrypt element");
        }
        crypto.verifySignature(app, timestamp, nonce, encrypted, signature);
        String message = crypto.decrypt(app, encrypted);
        Map<String, String> fields = parse(message);
        switch (inbox.store(CallbackEvents.toInbound(app, message, fields, clock))) {
            case STORED -> metrics.stored();
            case DUPLICATE -> metrics.duplicate();
        }
        return ResponseEntity.ok().build();
    }

    private WxApp app(String corpId, String agentId) {
        // agent ids are positive ints: anything longer (9999999999) names no app rather than overflowing
        boolean wellFormed = agentId.matches("\\d{1,9}") && (corpId == null || CORP_ID.matcher(corpId).matches());
        Optional<WxApp> found = !wellFormed ? Optional.empty()
                : corpId == null ? apps.byAgentId(Integer.parseInt(agentId))
                : apps.find(corpId, Integer.parseInt(agentId));
        return found.filter(WxApp::receivesCallbacks).orElseThrow(() -> new CallbackRejected(404, "unknown_agent",
                !wellFormed ? "no app receives callbacks at this path"
                        : "no app with agentId " + agentId + (corpId == null ? "" : " in corp " + corpId) + " receives callbacks here"));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw CallbackRejected.badRequest("missing_parameter", "parameter '" + name + "' is required");
        }
    }

    private void checkTimestamp(String timestamp) {
        if (!timestamp.matches("\\d{1,12}")) {
            throw CallbackRejected.badRequest("missing_parameter", "timestamp must be seconds since the epoch");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (skew.compareTo(properties.timestampWindow()) > 0) {
            throw CallbackRejected.forbidden("stale_timestamp", "timestamp is " + skew.toSeconds()
                    + " s away from now (allowed: " + properties.timestampWindow().toSeconds() + " s)");
        }
    }

    private String readBody(HttpServletRequest request) throws IOException {
        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new CallbackRejected(413, "too_large", "the body is larger than " + max + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new CallbackRejected(413, "too_large", "the body is larger than " + max + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> parse(String xml) {
        try {
            return SafeXml.parseFlat(xml);
        } catch (SafeXml.MalformedXmlException e) {
            throw CallbackRejected.badRequest("malformed_xml", e.getMessage());
        }
    }
}

package io.wecomsync.wx.callback;

import io.wecomsync.wx.WeComCallbacks;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.wecomsync.wx.WeComCallbacks.AES_KEY_1;
import static io.wecomsync.wx.WeComCallbacks.AES_KEY_2;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_1;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CallbackIntegrationTests extends WxIntegrationTest {

    @LocalServerPort
    private int port;

    private static final String CREATE = WeComCallbacks.contactChange(CORP_WITH_READER, "create_user",
            Instant.now().getEpochSecond(), "UserID", "zhangsan", "Name", "张三", "Mobile", "13800001111", "Department", "1,2");

    @Test
    void aValidEventIsStoredEncryptedAndAnsweredWithAnEmptyBody() {
        ResponseEntity<String> answer = post(CREATE);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isNullOrEmpty();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM wx_inbox_event");
        assertThat(row).containsEntry("corp_id", CORP_WITH_READER).containsEntry("status", "PENDING")
                .containsEntry("event_type", "change_contact").containsEntry("change_type", "create_user")
                .containsEntry("entity_key", "user:" + CORP_WITH_READER + ":zhangsan");
        assertThat((String) row.get("payload")).startsWith("dev:").doesNotContain("13800001111").doesNotContain("张三");
    }

    @Test
    void aRedeliveredEventIsAnsweredButStoredOnce() {
        post(CREATE);
        ResponseEntity<String> again = post(CREATE);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(inboxCount()).isEqualTo(1);
    }

    @Test
    void callbacksArrivingTogetherAreEachStoredOnceAndAllAnswered200() throws Exception {
        // 30 distinct changes, and 10 of them redelivered while the originals are in flight: one group commit
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            messages.add(WeComCallbacks.contactChange(CORP_WITH_READER, "update_user", Instant.now().getEpochSecond(),
                    "UserID", "together-" + i, "Name", "用户" + i));
        }
        messages.addAll(messages.subList(0, 10));
        ExecutorService senders = Executors.newFixedThreadPool(messages.size());
        try {
            List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
            for (String message : messages) {
                answers.add(senders.submit(() -> post(message)));
            }
            for (Future<ResponseEntity<String>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(jdbc.queryForList("SELECT entity_key FROM wx_inbox_event", String.class))
                .hasSize(30).doesNotHaveDuplicates().allMatch(key -> key.startsWith("user:" + CORP_WITH_READER + ":together-"));
    }

    @Test
    void callbackAnswersCarryTheSecurityHeaders() {
        ResponseEntity<String> answer = post(CREATE);

        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getHeaders().getFirst("Set-Cookie")).isNull();
    }

    @Test
    void valuesWithAndWithoutCdataAreReadAlike() {
        long time = Instant.now().getEpochSecond();
        String plain = "<xml><ToUserName>" + CORP_WITH_READER + "</ToUserName><FromUserName>sys</FromUserName><CreateTime>" + time
                + "</CreateTime><MsgType>event</MsgType><Event>change_contact</Event><ChangeType>update_party</ChangeType>"
                + "<Id>42</Id><Name>研发 &amp; 测试</Name></xml>";

        assertThat(post(plain).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT entity_key FROM wx_inbox_event", String.class))
                .isEqualTo("dept:" + CORP_WITH_READER + ":42");
    }

    @Test
    void aMessagePaddedWithMoreThan16BytesIsDecrypted() {
        // WeCom pads 16 random bytes + 4 length bytes + message + corpId to 32-byte blocks, with 1 to 32 bytes
        String message = null;
        for (int extra = 0; message == null; extra++) {
            String candidate = CREATE.replace("</xml>", "<Pad>" + "x".repeat(extra) + "</Pad></xml>");
            int length = 16 + 4 + candidate.getBytes(StandardCharsets.UTF_8).length + CORP_WITH_READER.length();
            if (32 - length % 32 > 16) {
                message = candidate;
            }
        }

        assertThat(post(message).getStatusCode().value()).isEqualTo(200);
        assertThat(inboxCount()).isEqualTo(1);
    }

    @Test
    void urlVerificationAnswersTheBareEchostr() {
        String encrypted = WeComCallbacks.encrypt("echo-1234567890", AES_KEY_1, CORP_WITH_READER);
        String timestamp = WeComCallbacks.now();
        String signature = WeComCallbacks.signature(TOKEN_1, timestamp, "n", encrypted);

        ResponseEntity<String> answer = http.getForEntity("/callback/{agent}?msg_signature={s}&timestamp={t}&nonce=n&echostr={e}",
                String.class, AGENT_WITH_READER, signature, timestamp, encrypted);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(answer.getBody()).isEqualTo("echo-1234567890");
    }

    @Test
    void refusalsAnswerTheRightStatusAndStoreNothing() {
        String encrypted = WeComCallbacks.encrypt(CREATE, AES_KEY_1, CORP_WITH_READER);
        String body = WeComCallbacks.envelope(encrypted, CORP_WITH_READER, AGENT_WITH_READER);
        String now = WeComCallbacks.now();
        String good = WeComCallbacks.signature(TOKEN_1, now, "n", encrypted);
        String stale = String.valueOf(Instant.now().getEpochSecond() - 3600);

        assertThat(status("/callback/999999?msg_signature=" + good + "&timestamp=" + now + "&nonce=n", body)).isEqualTo(404);
        assertThat(status("/callback/abc?msg_signature=" + good + "&timestamp=" + now + "&nonce=n", body)).isEqualTo(404);
        assertThat(status("/callback/" + AGENT_WITH_READER + "?timestamp=" + now + "&nonce=n", body)).isEqualTo(400);
        assertThat(status("/callback/" + AGENT_WITH_READER + "?msg_signature=" + good + "&nonce=n", body)).isEqualTo(400);
        assertThat(status("/callback/" + AGENT_WITH_READER + "?msg_signature="
                + WeComCallbacks.signature(TOKEN_1, stale, "n", encrypted) + "&timestamp=" + stale + "&nonce=n", body)).isEqualTo(403);
        assertThat(status("/callback/" + AGENT_WITH_READER + "?msg_signature=" + good.replace('a', 'b').replace('1', '2')
                + "&timestamp=" + now + "&nonce=n", body)).isEqualTo(403);
        assertThat(signedStatus("!!!not-base64!!!")).isEqualTo(400);
        assertThat(signedStatus(WeComCallbacks.encrypt(CREATE, AES_KEY_2, CORP_WITH_READER))).as("wrong key").isEqualTo(400);
        assertThat(signedStatus(WeComCallbacks.encrypt(CREATE, AES_KEY_1, "wwsomeoneelse"))).as("wrong receiveid").isEqualTo(400);
        assertThat(signedStatus(WeComCallbacks.encrypt("<xml><unclosed></xml>", AES_KEY_1, CORP_WITH_READER))).isEqualTo(400);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>&xxe;</ToUserName><MsgType>event</MsgType></xml>";
        assertThat(signedStatus(WeComCallbacks.encrypt(xxe, AES_KEY_1, CORP_WITH_READER))).as("DOCTYPE inside").isEqualTo(400);
        assertThat(status("/callback/" + AGENT_WITH_READER + "?msg_signature=" + good + "&timestamp=" + now + "&nonce=n",
                "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")).as("DOCTYPE outside").isEqualTo(400);

        assertThat(inboxCount()).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String now = WeComCallbacks.now();
        String huge = "<xml><Encrypt>" + "A".repeat(70 * 1024) + "</Encrypt></xml>";

        assertThat(status("/callback/" + AGENT_WITH_READER + "?msg_signature=x&timestamp=" + now + "&nonce=n", huge)).isEqualTo(413);
    }

    @Test
    void aCallerThatHangsUpHalfWayThroughTheBodyIsNoError(CapturedOutput output) throws Exception {
        String now = WeComCallbacks.now();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // promises 4 KiB, sends a few bytes, goes away: what a client that timed out looks like
            socket.getOutputStream().write(("POST /callback/" + AGENT_WITH_READER + "?msg_signature=x&timestamp=" + now
                    + "&nonce=n HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: 4096\r\n\r\n<xml><Enc")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        Thread.sleep(500);

        assertThat(status("/callback/" + AGENT_WITH_READER + "?msg_signature=x&timestamp=" + now + "&nonce=n", "<xml/>"))
                .as("the service goes on answering").isEqualTo(400);
        assertThat(output.getAll()).doesNotContain("unexpected error").doesNotContain("ClientAbortException");
        assertThat(inboxCount()).isZero();
    }

    @Test
    void anAgentIdTooLongForAnyAppIsUnknownAndNoError(CapturedOutput output) {
        String now = WeComCallbacks.now();

        assertThat(status("/callback/9999999999?msg_signature=x&timestamp=" + now + "&nonce=n", "<xml/>")).isEqualTo(404);
        assertThat(status("/callback/99999999999999999999?msg_signature=x&timestamp=" + now + "&nonce=n", "<xml/>")).isEqualTo(404);
        assertThat(output.getAll()).doesNotContain("unexpected error");
    }

    @Test
    void aUrlVerificationThatAcceptsOnlyJsonIsAnswered406NotAnError(CapturedOutput output) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));

        ResponseEntity<String> answer = http.exchange("/callback/" + AGENT_WITH_READER
                        + "?msg_signature=x&timestamp=" + WeComCallbacks.now() + "&nonce=n&echostr=e",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(406);
        assertThat(answer.getBody()).contains("40601").contains("text/plain");
        assertThat(output.getAll()).doesNotContain("unexpected error");
    }

    private int signedStatus(String encrypted) {
        String now = WeComCallbacks.now();
        String signature = WeComCallbacks.signature(TOKEN_1, now, "n", encrypted);
        return status("/callback/" + AGENT_WITH_READER + "?msg_signature=" + signature + "&timestamp=" + now + "&nonce=n",
                WeComCallbacks.envelope(encrypted, CORP_WITH_READER, AGENT_WITH_READER));
    }

    private int status(String pathAndQuery, String body) {
        return postRaw(pathAndQuery, body).getStatusCode().value();
    }
}

package io.wecomsync.wx.callback;

import io.wecomsync.wx.WeComCallbacks;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;

import static io.wecomsync.wx.WeComCallbacks.AES_KEY_1;
import static io.wecomsync.wx.WeComCallbacks.AES_KEY_3;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_SHARING_AGENT;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_1;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two callback paths: the seed's {@code /callback/{agentId}} and {@code /callback/{corpId}/{agentId}},
 * which tells apart two corps whose apps have the same agentId (the test configuration has one such pair).
 */
class CallbackPathsIntegrationTests extends WxIntegrationTest {

    private static String change(String corpId, String userId) {
        return WeComCallbacks.contactChange(corpId, "update_user", Instant.now().getEpochSecond(), "UserID", userId,
                "Position", "工程师");
    }

    @Test
    void theCorpInThePathChoosesBetweenTwoCorpsWithTheSameAgentId() {
        ResponseEntity<String> shared = postTo("/callback/" + CORP_SHARING_AGENT + "/" + AGENT_WITH_READER, AGENT_WITH_READER,
                TOKEN_3, AES_KEY_3, CORP_SHARING_AGENT, change(CORP_SHARING_AGENT, "in-corp-3"));
        ResponseEntity<String> shortPath = post(AGENT_WITH_READER, TOKEN_1, AES_KEY_1, CORP_WITH_READER,
                change(CORP_WITH_READER, "in-corp-1"));
        ResponseEntity<String> longPath = postTo("/callback/" + CORP_WITH_READER + "/" + AGENT_WITH_READER, AGENT_WITH_READER,
                TOKEN_1, AES_KEY_1, CORP_WITH_READER, change(CORP_WITH_READER, "in-corp-1-long"));

        assertThat(List.of(shared, shortPath, longPath)).allMatch(answer -> answer.getStatusCode().value() == 200);
        assertThat(jdbc.queryForList("SELECT entity_key FROM wx_inbox_event ORDER BY id", String.class)).containsExactly(
                "user:" + CORP_SHARING_AGENT + ":in-corp-3",
                "user:" + CORP_WITH_READER + ":in-corp-1",
                "user:" + CORP_WITH_READER + ":in-corp-1-long");
    }

    @Test
    void theShortPathNeverReachesACorpThatNamesItselfInItsPath() {
        // signed as the sharing corp, sent where only the first corp's app listens: its signature does not match
        ResponseEntity<String> answer = post(AGENT_WITH_READER, TOKEN_3, AES_KEY_3, CORP_SHARING_AGENT,
                change(CORP_SHARING_AGENT, "lost"));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(inboxCount()).isZero();
    }

    @Test
    void anUnknownOrMalformedCorpInThePathIs404AndStoresNothing() {
        String message = change(CORP_WITH_READER, "nobody");

        ResponseEntity<String> unknown = postTo("/callback/wwnosuchcorp/" + AGENT_WITH_READER, AGENT_WITH_READER,
                TOKEN_1, AES_KEY_1, CORP_WITH_READER, message);
        String tooLong = "ww" + "x".repeat(80);
        ResponseEntity<String> malformed = postTo("/callback/" + tooLong + "/" + AGENT_WITH_READER, AGENT_WITH_READER,
                TOKEN_1, AES_KEY_1, CORP_WITH_READER, message);

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("in corp wwnosuchcorp");
        assertThat(malformed.getStatusCode().value()).isEqualTo(404);
        assertThat(malformed.getBody()).as("not echoed").doesNotContain(tooLong);
        assertThat(inboxCount()).isZero();
    }

    @Test
    void urlVerificationWorksOnTheCorpPath() {
        String encrypted = WeComCallbacks.encrypt("echo-corp-3", AES_KEY_3, CORP_SHARING_AGENT);
        String timestamp = WeComCallbacks.now();
        String signature = WeComCallbacks.signature(TOKEN_3, timestamp, "n", encrypted);

        ResponseEntity<String> answer = http.getForEntity(
                "/callback/{corp}/{agent}?msg_signature={s}&timestamp={t}&nonce=n&echostr={e}",
                String.class, CORP_SHARING_AGENT, AGENT_WITH_READER, signature, timestamp, encrypted);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("echo-corp-3");
    }
}

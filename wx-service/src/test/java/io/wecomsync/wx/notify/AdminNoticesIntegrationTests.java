package io.wecomsync.wx.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITHOUT_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.contactChange;
import static org.assertj.core.api.Assertions.assertThat;

class AdminNoticesIntegrationTests extends WxIntegrationTest {

    private static final long T = Instant.parse("2026-11-20T08:00:00Z").getEpochSecond();
    private static final String SEND = "/cgi-bin/message/send";

    @Autowired
    AdminNoticeSender sender;
    @Autowired
    AdminNotices notices;
    @Autowired
    NotifySettings settings;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void weComTakesMessages() {
        jdbc.update("DELETE FROM wx_admin_notice");
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-1\",\"expires_in\":7200}")));
        WECOM.stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(okJson(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m1\"}")));
        changeSettings(on(Map.of()));
    }

    @Test
    void eventsGoneDeadReachTheAdminsOncePerIntervalAndEachSendIsLogged() throws Exception {
        MDM.stubFor(any(anyUrl()).willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":null}")));
        MDM.stubFor(any(urlPathMatching("/users/.*")).willReturn(aResponse().withStatus(422)));
        post(contactChange(CORP_WITH_READER, "delete_user", T, "UserID", "x1"));
        drain();

        assertThat(sender.run()).containsExactly("DEAD_EVENTS:" + CORP_WITH_READER);
        JsonNode message = onlyMessage();
        assertThat(message.path("touser").asText()).isEqualTo("admin1|admin2");
        assertThat(message.path("totag").asText()).isEqualTo("7");
        assertThat(message.path("agentid").asInt()).isEqualTo(2000001);
        assertThat(message.path("text").path("content").asText()).contains("DEAD", CORP_WITH_READER, "delete_user",
                "user:" + CORP_WITH_READER + ":x1");

        post(contactChange(CORP_WITH_READER, "delete_user", T, "UserID", "x2"));
        post(contactChange(CORP_WITH_READER, "delete_user", T, "UserID", "x3"));
        drain();
        assertThat(sender.run()).as("the same condition within the interval").isEmpty();
        WECOM.verify(1, postRequestedFor(urlPathEqualTo(SEND)));

        changeSettings(on(Map.of("wx.notify.interval", "0s")));
        assertThat(sender.run()).hasSize(1);
        List<LoggedRequest> sends = WECOM.findAll(postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(json.readTree(sends.get(1).getBodyAsString()).path("text").path("content").asText())
                .as("what recurred meanwhile is counted").contains("delete_user", "（2 次）");

        drain();
        List<LoggedRequest> reports = MDM.findAll(postRequestedFor(urlPathEqualTo("/oper-logs/admin-notices")));
        assertThat(reports).hasSize(2);
        JsonNode report = json.readTree(reports.get(0).getBodyAsString());
        assertThat(report.path("result").asText()).isEqualTo("SENT");
        assertThat(report.path("corpId").asText()).isEqualTo(CORP_WITHOUT_READER);
        assertThat(report.path("recipients").asText()).isEqualTo("users=admin1|admin2 tags=7");
        assertThat(report.path("conditions").get(0).asText()).isEqualTo("DEAD_EVENTS:" + CORP_WITH_READER);
    }

    @Test
    void severalDueConditionsGoOutAsOneSummary() throws Exception {
        changeSettings(on(Map.of("wx.notify.max-lines", "2")));
        notices.raise(NoticeKind.DELETIONS_AWAITING_CONFIRMATION, "c:1", CORP_WITH_READER, "同步 #1 将删除 40 项");
        notices.raise(NoticeKind.RECONCILE_FAILED, "c:2", CORP_WITH_READER, "同步 #2 未能完成");
        notices.raise(NoticeKind.CALLBACK_IP_REFRESH_FAILED, "all", null, "没有读到任何回调 IP");

        assertThat(sender.run()).hasSize(3);

        String text = onlyMessage().path("text").path("content").asText();
        assertThat(text).contains("3 项需要处理", "删除待确认", "同步 #1", "全量同步失败", "另有 1 项").doesNotContain("回调 IP");
        assertThat(sender.run()).as("all three were sent").isEmpty();
    }

    @Test
    void aFailedSendIsTriedAgainAfterTheIntervalAndAResolvedConditionIsNotSent() throws Exception {
        WECOM.stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}")));
        notices.raise(NoticeKind.RECONCILE_FAILED, "c:9", CORP_WITH_READER, "同步 #9 未能完成");
        notices.raise(NoticeKind.CALLBACK_IP_REFRESH_FAILED, "all", null, "没有读到任何回调 IP");
        notices.resolve(NoticeKind.CALLBACK_IP_REFRESH_FAILED, "all");

        assertThat(sender.run()).containsExactly("RECONCILE_FAILED:c:9");
        assertThat(sender.run()).as("a failure is not retried before the interval is over").isEmpty();
        WECOM.verify(1, postRequestedFor(urlPathEqualTo(SEND)));

        MDM.stubFor(any(anyUrl()).willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":null}")));
        drain();
        JsonNode report = json.readTree(MDM.findAll(postRequestedFor(urlPathEqualTo("/oper-logs/admin-notices")))
                .get(0).getBodyAsString());
        assertThat(report.path("result").asText()).isEqualTo("FAILED");
        assertThat(report.path("detail").asText()).isEqualTo("WeCom error 81013");

        WECOM.stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        changeSettings(on(Map.of("wx.notify.interval", "0s")));
        assertThat(sender.run()).containsExactly("RECONCILE_FAILED:c:9");
    }

    @Test
    void nothingIsSentWhileSwitchedOffAndSettingsThatReachNobodyAreRefused() {
        changeSettings(Map.of());
        notices.raise(NoticeKind.RECONCILE_FAILED, "c:3", CORP_WITH_READER, "同步 #3 未能完成");
        assertThat(sender.run()).isEmpty();

        changeSettings(Map.of("wx.notify.enabled", "true"));
        assertThat(settings.current().enabled()).as("on without recipients").isFalse();
        changeSettings(on(Map.of("wx.notify.corp-id", "wwnosuchcorp")));
        assertThat(settings.current().enabled()).as("a corp wx-service does not serve").isFalse();
        changeSettings(on(Map.of("wx.notify.agent-id", "999")));
        assertThat(settings.current().enabled()).as("an app the corp does not have").isFalse();
        changeSettings(on(Map.of("wx.notify.to-users[0]", "has space")));
        assertThat(settings.current().enabled()).as("not a userid").isFalse();
        WECOM.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
    }

    /** Sending switched on through the corp without a reader app, plus {@code more}. */
    private static Map<String, Object> on(Map<String, Object> more) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("wx.notify.enabled", "true",
                "wx.notify.corp-id", CORP_WITHOUT_READER, "wx.notify.agent-id", "2000001",
                "wx.notify.to-users[0]", "admin1", "wx.notify.to-users[1]", "admin2", "wx.notify.to-tags[0]", "7"));
        settings.putAll(more);
        return settings;
    }

    private JsonNode onlyMessage() throws Exception {
        List<LoggedRequest> sends = WECOM.findAll(postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(sends).hasSize(1);
        return json.readTree(sends.get(0).getBodyAsString());
    }
}

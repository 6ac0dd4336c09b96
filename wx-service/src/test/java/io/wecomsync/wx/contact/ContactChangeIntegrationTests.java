package io.wecomsync.wx.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wecomsync.common.mdm.UserBatchUpsertRequest;
import io.wecomsync.wx.WeComCallbacks;
import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wecomsync.wx.WeComCallbacks.AES_KEY_2;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITHOUT_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITHOUT_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.TOKEN_2;
import static io.wecomsync.wx.WeComCallbacks.contactChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Each ChangeType, from a signed callback to the right mdm-service call (a WireMock here). */
class ContactChangeIntegrationTests extends WxIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long T = Instant.parse("2026-11-20T08:00:00Z").getEpochSecond();

    @BeforeEach
    void mdmAcceptsEverything() {
        MDM.stubFor(any(anyUrl()).willReturn(okJson("""
                {"code":0,"msg":"ok","data":{"applied":true,"outcome":"CREATED","data":{"userId":"900001"}}}""")));
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-1\",\"expires_in\":7200}")));
    }

    @Test
    void createUserSendsTheEventsFieldsAndLeavesTheCrmToMdmService() {
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "create_user", T, "UserID", "zhangsan", "Name", "张三",
                "Mobile", "13800001111", "Gender", "1", "Department", "1,2", "IsLeaderInDept", "1,0", "MainDepartment", "2",
                "DirectLeader", "lisi,wangwu"));

        assertThat(drain()).isEqualTo(1);

        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/zhangsan"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("张三")))
                .withRequestBody(matchingJsonPath("$.mobile", equalTo("13800001111")))
                .withRequestBody(matchingJsonPath("$.gender", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.mainDepartment", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.directLeader[1]", equalTo("wangwu")))
                .withRequestBody(matchingJsonPath("$.departments[0].leader", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.departments[1].leader", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.departments[1].deptId", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.sourceEventTime", equalTo("2026-11-20T08:00:00Z"))));
        MDM.verify(0, postRequestedFor(urlPathEqualTo("/users/900001/crm-sync")));
        MDM.verify(1, anyRequestedFor(anyUrl()).withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
        assertThat(statuses()).containsExactly("DONE");
    }

    @Test
    void upsertsOfSeveralUsersGoToMdmServiceAsOneBatchAndEachGetsItsOwnVerdict() {
        MDM.stubFor(WireMock.post(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/batch")).willReturn(okJson("""
                {"code":0,"msg":"ok","data":[
                  {"wxUserId":"u1","outcome":"UPDATED","userId":"1","retryable":false},
                  {"wxUserId":"u2","outcome":null,"code":40001,"error":"mobile: must be a phone number","retryable":false},
                  {"wxUserId":"u3","outcome":null,"code":40903,"error":"changed concurrently","retryable":true}]}""")));
        for (int i = 1; i <= 3; i++) {
            postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_user", T + i, "UserID", "u" + i, "Position", "p" + i));
        }

        assertThat(worker.runOnce()).isEqualTo(3);

        MDM.verify(1, postRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/batch"))
                .withRequestBody(matchingJsonPath("$.items[0].wxUserId", equalTo("u1")))
                .withRequestBody(matchingJsonPath("$.items[2].user.position", equalTo("p3"))));
        MDM.verify(0, putRequestedFor(anyUrl()));
        assertThat(statuses()).containsExactly("DONE", "DEAD", "FAILED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM wx_inbox_event WHERE entity_key LIKE '%:u2'", String.class))
                .contains("40001").contains("mobile");
    }

    @Test
    void aBatchRefusedWholeIsAppliedOneByOne() {
        MDM.stubFor(WireMock.post(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/batch"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":40001,\"msg\":\"items[1]...\"}")));
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_user", T, "UserID", "w1", "Position", "a"));
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_user", T, "UserID", "w2", "Position", "b"));

        worker.runOnce();

        MDM.verify(2, putRequestedFor(urlPathMatching("/users/by-wx/" + CORP_WITHOUT_READER + "/w[12]")));
        assertThat(statuses()).containsExactly("DONE", "DONE");
    }

    @Test
    void aClaimLargerThanMdmServicesBatchLimitIsSentAsSeveralBatches() throws Exception {
        // 205 users claimed at once; mdm-service takes at most 200 per batch (this stub refuses every batch,
        // so each user is then applied alone — what is asserted is how the batches were cut)
        changeSettings(Map.of("wx.inbox.batch-size", 205));
        MDM.stubFor(WireMock.post(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/batch"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":40001,\"msg\":\"refused\"}")));
        for (int i = 0; i < 205; i++) {
            postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_user", T, "UserID", "many" + i, "Position", "p"));
        }

        assertThat(worker.runOnce()).isEqualTo(205);

        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest batch : MDM.findAll(postRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/batch")))) {
            sizes.add(JSON.readTree(batch.getBodyAsString()).path("items").size());
        }
        assertThat(sizes).containsExactlyInAnyOrder(UserBatchUpsertRequest.MAX_ITEMS, 5);
        MDM.verify(205, putRequestedFor(urlPathMatching("/users/by-wx/" + CORP_WITHOUT_READER + "/many\\d+")));
        assertThat(statuses()).hasSize(205).containsOnly("DONE");
    }

    @Test
    void updateUserSendsOnlyWhatChanged() {
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_user", T, "UserID", "lisi", "Position", "架构师"));

        drain();

        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/lisi"))
                .withRequestBody(matchingJsonPath("$.position", equalTo("架构师")))
                .withRequestBody(matchingJsonPath("$.name", absent()))
                .withRequestBody(matchingJsonPath("$.mobile", absent()))
                .withRequestBody(matchingJsonPath("$.departments", absent())));
    }

    @Test
    void aNewUserIdIsARenameFollowedByTheRest() {
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_user", T, "UserID", "old", "NewUserID", "new",
                "Name", "改名"));

        drain();

        MDM.verify(postRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/old/rename"))
                .withRequestBody(matchingJsonPath("$.newWxUserId", equalTo("new"))));
        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/new"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("改名"))));
    }

    @Test
    void deletesAndDepartmentsAndTagDeltasGoToTheirEndpoints() {
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "delete_user", T, "UserID", "leaver"));
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "create_party", T, "Id", "5", "Name", "研发部", "ParentId", "1", "Order", "10"));
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_party", T + 1, "Id", "6", "Name", "新名"));
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "delete_party", T, "Id", "7"));
        postWithoutReader(contactChange(CORP_WITHOUT_READER, "update_tag", T, "TagId", "3", "AddUserItems", "a,b", "DelPartyItems", "9"));

        assertThat(drain()).isEqualTo(5);

        MDM.verify(deleteRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITHOUT_READER + "/leaver"))
                .withQueryParam("sourceEventTime", equalTo("2026-11-20T08:00:00Z")));
        MDM.verify(putRequestedFor(urlPathEqualTo("/departments/" + CORP_WITHOUT_READER + "/5"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("研发部")))
                .withRequestBody(matchingJsonPath("$.parentId", equalTo("1"))));
        MDM.verify(putRequestedFor(urlPathEqualTo("/departments/" + CORP_WITHOUT_READER + "/6"))
                .withRequestBody(matchingJsonPath("$.parentId", absent())));
        MDM.verify(deleteRequestedFor(urlPathEqualTo("/departments/" + CORP_WITHOUT_READER + "/7")));
        MDM.verify(putRequestedFor(urlPathEqualTo("/tags/" + CORP_WITHOUT_READER + "/3/members"))
                .withRequestBody(matchingJsonPath("$.addUsers[1]", equalTo("b")))
                .withRequestBody(matchingJsonPath("$.removeDepartments[0]", equalTo("9"))));
        assertThat(statuses()).containsOnly("DONE");
    }

    @Test
    void anIdOnlyCreateIsCompletedFromWeComAndNothingIsInvented() {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/user/get")).withQueryParam("userid", equalTo("idonly"))
                .willReturn(okJson("""
                        {"errcode":0,"errmsg":"ok","userid":"idonly","name":"王五","department":[3],"order":[7],
                         "position":"产品经理","is_leader_in_dept":[1],"status":1,"main_department":3}""")));

        post(contactChange(CORP_WITH_READER, "create_user", T, "UserID", "idonly", "Department", "3"));
        drain();

        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITH_READER + "/idonly"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("王五")))
                .withRequestBody(matchingJsonPath("$.position", equalTo("产品经理")))
                .withRequestBody(matchingJsonPath("$.departments[0].deptId", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.mobile", absent()))
                .withRequestBody(matchingJsonPath("$.email", absent()))
                .withRequestBody(matchingJsonPath("$.gender", absent())));
    }

    @Test
    void anIdOnlyUpdateTakesOrderLeaderFlagsDirectLeadersAndCustomAttributesExactlyAsUserGetHasThem() {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/user/get")).withQueryParam("userid", equalTo("exact"))
                .willReturn(okJson("""
                        {"errcode":0,"errmsg":"ok","userid":"exact","name":"钱七","department":[3,5],"order":[40,2],
                         "is_leader_in_dept":[0,1],"main_department":5,"direct_leader":["boss1","boss2"],"status":1,
                         "extattr":{"attrs":[
                           {"type":0,"name":"工号","text":{"value":"E-7"}},
                           {"type":1,"name":"主页","web":{"url":"https://home.example/q","title":"钱七的主页"}},
                           {"type":0,"name":"职级","text":{"value":""}}]}}""")));

        post(contactChange(CORP_WITH_READER, "update_user", T, "UserID", "exact", "Department", "3,5",
                "MainDepartment", "5"));
        drain();

        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITH_READER + "/exact"))
                .withRequestBody(matchingJsonPath("$.mainDepartment", equalTo("5")))
                .withRequestBody(matchingJsonPath("$.departments[0].order", equalTo("40")))
                .withRequestBody(matchingJsonPath("$.departments[0].leader", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.departments[1].order", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.departments[1].leader", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.directLeader[1]", equalTo("boss2")))
                .withRequestBody(matchingJsonPath("$.extAttrs[0].text", equalTo("E-7")))
                .withRequestBody(matchingJsonPath("$.extAttrs[1].type", equalTo("WEB")))
                .withRequestBody(matchingJsonPath("$.extAttrs[1].webUrl", equalTo("https://home.example/q")))
                .withRequestBody(matchingJsonPath("$.extAttrs[2].text", equalTo("")))
                .withRequestBody(matchingJsonPath("$.customAttributesComplete", equalTo("true"))));
    }

    @Test
    void detailsWeComWillNotGiveStayUnknownAndTheErrorCodeIsKept() {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/user/get"))
                .willReturn(okJson("{\"errcode\":48009,\"errmsg\":\"api forbidden for contact sync from a new ip\"}")));

        post(contactChange(CORP_WITH_READER, "create_user", T, "UserID", "secret-person", "Department", "4"));
        drain();

        MDM.verify(putRequestedFor(urlPathEqualTo("/users/by-wx/" + CORP_WITH_READER + "/secret-person"))
                .withRequestBody(matchingJsonPath("$.name", absent()))
                .withRequestBody(matchingJsonPath("$.departments[0].deptId", equalTo("4"))));
        assertThat(jdbc.queryForObject("SELECT last_error FROM wx_inbox_event WHERE change_type = 'create_user'", String.class))
                .contains("48009");
    }

    @Test
    void aTagIsReReadWhenTheCorpHasAReader() {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/tag/get")).willReturn(okJson("""
                {"errcode":0,"errmsg":"ok","tagname":"骨干","userlist":[{"userid":"u1","name":"A"},{"userid":"u2","name":"B"}],"partylist":[8]}""")));

        post(contactChange(CORP_WITH_READER, "update_tag", T, "TagId", "11", "AddUserItems", "u2"));
        drain();

        MDM.verify(putRequestedFor(urlPathEqualTo("/tags/" + CORP_WITH_READER + "/11/members"))
                .withRequestBody(matchingJsonPath("$.tagName", equalTo("骨干")))
                .withRequestBody(matchingJsonPath("$.users[0]", equalTo("u1")))
                .withRequestBody(matchingJsonPath("$.departments[0]", equalTo("8")))
                .withRequestBody(matchingJsonPath("$.addUsers", absent())));
    }

    @Test
    void eventsWeDoNotApplyAreIgnoredVisibly() {
        postWithoutReader("<xml><ToUserName>" + CORP_WITHOUT_READER + "</ToUserName><FromUserName>u</FromUserName><CreateTime>" + T
                + "</CreateTime><MsgType>event</MsgType><Event>enter_agent</Event></xml>");

        drain();

        assertThat(statuses()).containsExactly("IGNORED");
        MDM.verify(0, anyRequestedFor(anyUrl()));
    }

    private void postWithoutReader(String message) {
        assertThat(post(AGENT_WITHOUT_READER, TOKEN_2, AES_KEY_2, CORP_WITHOUT_READER, message).getStatusCode().value())
                .isEqualTo(200);
    }

    private List<String> statuses() {
        return jdbc.queryForList("SELECT status FROM wx_inbox_event ORDER BY id", String.class);
    }
}

package io.wecomsync.simulator;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpTagGetResult;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator read with WxJava's real client, the way wx-service reads WeCom. */
class WeComApiServerTests {

    private WeComApiServer server;
    private WxCpServiceImpl weCom;

    @BeforeEach
    void start() throws Exception {
        try (InputStream seed = getClass().getResourceAsStream("/demo-directory.json")) {
            server = new WeComApiServer(Directory.seed(seed), "wwsim", 0);
        }
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId("wwsim");
        config.setCorpSecret("any-secret");
        config.setAgentId(1);
        config.setBaseApiUrl(server.baseUrl());
        weCom = new WxCpServiceImpl();
        weCom.setWxCpConfigStorage(config);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesUsersDepartmentsTagsAndCallbackIps() throws Exception {
        WxCpUser user = weCom.getUserService().getById("zhangsan");
        WxCpDepart department = weCom.getDepartmentService().get(2L);
        WxCpTagGetResult tag = weCom.getTagService().get("1");

        assertThat(user.getName()).isEqualTo("张三");
        assertThat(user.getMobile()).isEqualTo("13800000001");
        assertThat(user.getDepartIds()).containsExactly(2L);
        assertThat(department.getName()).isEqualTo("研发部");
        assertThat(department.getParentId()).isEqualTo(1L);
        assertThat(tag.getTagname()).isEqualTo("骨干");
        assertThat(tag.getUserlist()).extracting(WxCpUser::getUserId).containsExactly("zhangsan");
        assertThat(weCom.getCallbackIp()).contains("127.0.0.1");
    }

    @Test
    void behavesLikeWeComSince2022WhenAskedTo() throws Exception {
        server.setDetailsHidden(true);
        WxCpUser hidden = weCom.getUserService().getById("lisi");
        server.setUserGetError(48009);

        assertThat(hidden.getName()).isEqualTo("李四");
        assertThat(hidden.getMobile()).isNull();
        assertThat(hidden.getEmail()).isNull();
        assertThatThrownBy(() -> weCom.getUserService().getById("lisi"))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(48009));
        server.setUserGetError(null);
        assertThatThrownBy(() -> weCom.getUserService().getById("nobody"))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(60111));
    }

    @Test
    void pagesUserIdsWithACursorAndRefusesUnknownTokens() throws Exception {
        String token = weCom.getAccessToken();
        HttpClient http = HttpClient.newHttpClient();

        String first = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cgi-bin/user/list_id?access_token=" + token))
                .POST(HttpRequest.BodyPublishers.ofString("{\"cursor\":\"\",\"limit\":1}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String forged = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cgi-bin/getcallbackip?access_token=forged"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(first).contains("\"userid\":\"lisi\"").contains("\"next_cursor\":\"1\"");
        assertThat(forged).contains("\"errcode\":40014");
    }

    @Test
    void renamesAndRemovalsShowInWhatItServes() throws Exception {
        Directory directory;
        try (InputStream seed = getClass().getResourceAsStream("/demo-directory.json")) {
            directory = Directory.seed(seed);
        }
        directory.renameUser("zhangsan", "zhangsan2");

        assertThat(directory.user("zhangsan")).isEmpty();
        assertThat(directory.tag(1).orElseThrow().users()).containsExactly("zhangsan2");
        directory.removeUser("zhangsan2");
        assertThat(directory.tag(1).orElseThrow().users()).isEmpty();
        assertThat(directory.users()).extracting(Directory.User::userId).isEqualTo(List.of("lisi"));
    }
}

package io.wecomsync.wx.app;

import io.wecomsync.wx.WxIntegrationTest;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wecomsync.wx.WeComCallbacks.AGENT_WITH_READER;
import static io.wecomsync.wx.WeComCallbacks.CORP_WITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

/** The Redis client built from spring.data.redis.url keeps the WeCom tokens in that Redis and reports its health. */
class RedisTokensIntegrationTests extends WxIntegrationTest {

    @Autowired
    WxApps apps;
    @Autowired
    RedissonClient redisson;
    @Autowired
    HealthEndpoint health;

    @Test
    void aFetchedAccessTokenIsInRedisForTheOtherInstances() throws Exception {
        WECOM.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"shared-token\",\"expires_in\":7200}")));
        WxApp app = apps.find(CORP_WITH_READER, AGENT_WITH_READER).orElseThrow();
        app.api().getWxCpConfigStorage().expireAccessToken();
        try {
            assertThat(app.api().getAccessToken()).isEqualTo("shared-token");

            WECOM.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
            assertThat(StreamSupport.stream(redisson.getKeys().getKeysByPattern(WxAppsConfiguration.TOKEN_KEY_PREFIX + "*").spliterator(), false))
                    .as("token keys in the embedded Redis").isNotEmpty();
            assertThat(app.api().getAccessToken()).as("read back, no second fetch").isEqualTo("shared-token");
            WECOM.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
        } finally {
            // the Redis is the test JVM's: leave no token behind for the other tests' WeCom stubs
            app.api().getWxCpConfigStorage().expireAccessToken();
        }
    }

    @Test
    void healthShowsRedisUp() {
        HealthComponent redis = health.healthForPath("redis");

        assertThat(redis).isNotNull();
        assertThat(redis.getStatus()).isEqualTo(Status.UP);
        assertThat(((Health) redis).getDetails()).containsEntry("mode", "single");
    }
}

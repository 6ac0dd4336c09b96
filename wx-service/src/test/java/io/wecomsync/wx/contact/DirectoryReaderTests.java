package io.wecomsync.wx.contact;

import io.wecomsync.wx.app.WeComRead;
import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.app.WxApps;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.WxCpUserService;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A read that cannot even get its access token, because Redis is down, is worth waiting for — not a broken event. */
class DirectoryReaderTests {

    @Test
    void redisDownMakesTheReadRetryableWithAClearProblem() throws Exception {
        WxCpUserService userService = mock(WxCpUserService.class);
        when(userService.getById("zhangsan")).thenThrow(new RedisConnectionException("Unable to connect to Redis server"));
        WxCpService api = mock(WxCpService.class);
        when(api.getUserService()).thenReturn(userService);
        WxApp app = mock(WxApp.class);
        when(app.api()).thenReturn(api);
        WxApps apps = mock(WxApps.class);
        when(apps.readerOf("corp")).thenReturn(Optional.of(app));

        WeComRead<?> read = new DirectoryReader(apps).user("corp", "zhangsan");

        assertThat(read.failed()).as("worth trying again later").isTrue();
        assertThat(read.value()).isNull();
        assertThat(read.error()).isEqualTo("user/get: the token store (Redis) is unavailable");
    }
}

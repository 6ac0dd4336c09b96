package io.wecomsync.wx.callback;

import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The crypto benchmark's smoke run: both paths read the same message from the same input. */
class CallbackCryptoBenchmarkTests {

    @Test
    void bothPathsReadTheSameMessage() {
        CallbackCryptoBenchmark benchmark = new CallbackCryptoBenchmark();
        benchmark.setUp();

        Map<String, String> ours = benchmark.ours();
        WxCpXmlMessage theirs = benchmark.wxJava();

        assertThat(ours).containsEntry("UserID", "zhangsan").containsEntry("Name", "张三").containsEntry("ChangeType", "update_user");
        assertThat(theirs.getUserId()).isEqualTo(ours.get("UserID"));
        assertThat(theirs.getName()).isEqualTo(ours.get("Name"));
        assertThat(theirs.getChangeType()).isEqualTo(ours.get("ChangeType"));
    }
}

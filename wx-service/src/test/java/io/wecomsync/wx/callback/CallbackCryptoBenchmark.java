package io.wecomsync.wx.callback;

import io.wecomsync.wx.app.WxApp;
import io.wecomsync.wx.xml.SafeXml;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 7, scenario 4: one callback's signature check, decryption and parsing on our path
 * ({@link CallbackCrypto} and {@link SafeXml}, as {@code CallbackController} does them) against
 * WxJava's {@code WxCpXmlMessage.fromEncryptedXml} on the same input. Run with {@code bench/crypto.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CallbackCryptoBenchmark {

    static final String CORP = "wwbenchcorp000001";
    static final String TOKEN = "benchToken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String MESSAGE = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
            + "<CreateTime>1732867200</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>"
            + "<ChangeType><![CDATA[update_user]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>"
            + "<Name><![CDATA[张三]]></Name><Department><![CDATA[1,2]]></Department><MainDepartment>1</MainDepartment>"
            + "<IsLeaderInDept><![CDATA[1,0]]></IsLeaderInDept><Position><![CDATA[产品经理]]></Position>"
            + "<Mobile>13800000000</Mobile><Gender>1</Gender><Email><![CDATA[zhangsan@example.com]]></Email>"
            + "<Status>1</Status><Alias><![CDATA[jackzhang]]></Alias></xml>";

    final CallbackCrypto crypto = new CallbackCrypto();
    final WxApp app = WxApp.callbacksOnly(CORP, 1000002, TOKEN, AES_KEY);
    final WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
    String body;
    String timestamp = "1732867200";
    String nonce = "nonce12345";
    String signature;

    @Setup
    public void setUp() {
        config.setCorpId(CORP);
        config.setToken(TOKEN);
        config.setAesKey(AES_KEY);
        config.setAgentId(1000002);
        String encrypted = new WxCpCryptUtil(config).encrypt("0123456789abcdef", MESSAGE);
        body = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        signature = SHA1.gen(TOKEN, timestamp, nonce, encrypted);
    }

    /** What {@code CallbackController} does between reading the body and storing the event. */
    @Benchmark
    public Map<String, String> ours() {
        String encrypted = SafeXml.parseFlat(body).get("Encrypt");
        crypto.verifySignature(app, timestamp, nonce, encrypted, signature);
        return SafeXml.parseFlat(crypto.decrypt(app, encrypted));
    }

    /** The usual WxJava receiver: one call parses, checks and decrypts into its message bean. */
    @Benchmark
    public WxCpXmlMessage wxJava() {
        return WxCpXmlMessage.fromEncryptedXml(body, config, timestamp, nonce, signature);
    }
}

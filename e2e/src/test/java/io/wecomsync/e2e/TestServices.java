package io.wecomsync.e2e;

import io.wecomsync.infra.embedded.ClassDataCache;
import io.wecomsync.infra.embedded.ServiceJar;
import io.wecomsync.infra.embedded.TestInfrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.wecomsync.e2e.RunningSystem.AES_KEY;
import static io.wecomsync.e2e.RunningSystem.AGENT;
import static io.wecomsync.e2e.RunningSystem.CORP;
import static io.wecomsync.e2e.RunningSystem.SECRET;
import static io.wecomsync.e2e.RunningSystem.TOKEN;

/** How the end-to-end tests start the services' jars: which jar, with which arguments, from the class data cache. */
final class TestServices {

    private static final ClassDataCache CLASS_DATA = new ClassDataCache(Path.of("target", "class-data"));

    private TestServices() {
    }

    /** How the tests start mdm-service on {@code db}; {@code extra} are added (name each property once). */
    static List<String> mdmArguments(TestInfrastructure.TestDatabase db, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=test",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--wecom.security.jwt.secret=" + SECRET));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /**
     * How the tests start wx-service on {@code db} for the test corp, calling mdm-service at {@code mdmUrl}
     * and WeCom at {@code weComUrl}, keeping WeCom tokens in the Redis at {@code redisUrl}, retrying
     * quickly; {@code extra} are added (name each property once).
     */
    static List<String> wxArguments(TestInfrastructure.TestDatabase db, String mdmUrl, String weComUrl, String redisUrl,
                                    String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.data.redis.url=" + redisUrl,
                "--wecom.security.jwt.secret=" + SECRET,
                "--wx.mdm.url=" + mdmUrl,
                "--wx.cp.api-base-url=" + weComUrl,
                "--wx.cp.application[0].corpId=" + CORP,
                "--wx.cp.application[0].readerAgentId=" + AGENT,
                "--wx.cp.application[0].appConfigs[0].agentId=" + AGENT,
                "--wx.cp.application[0].appConfigs[0].secret=e2e-secret",
                "--wx.cp.application[0].appConfigs[0].token=" + TOKEN,
                "--wx.cp.application[0].appConfigs[0].aesKey=" + AES_KEY,
                "--wx.inbox.poll-interval=100ms",
                "--wx.inbox.retry.initial-delay=200ms",
                "--wx.inbox.retry.max-delay=2s",
                "--wx.status.flush-interval=PT2S"));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    static Path jar(String module) {
        return Path.of("..", module, "target", module + ".jar");
    }

    /**
     * Starts {@code module}'s jar as {@code name} with the quick-start JVM options, its log in
     * {@code target/<name>.log}. The tests start the same jars about two dozen times: from the second
     * start on, each maps the classes the first one loaded (see {@link ClassDataCache}).
     */
    static ServiceJar startJar(String name, String module, int port, Map<String, String> env, List<String> arguments)
            throws IOException {
        return startJar(name, module, port, Path.of("target"), env, arguments);
    }

    /** As {@link #startJar(String, String, int, Map, List)}, the log in {@code logs/<name>.log}. */
    static ServiceJar startJar(String name, String module, int port, Path logs, Map<String, String> env,
                               List<String> arguments) throws IOException {
        return CLASS_DATA.start(name, jar(module), port, logs, env, ServiceJar.QUICK_START, arguments);
    }
}

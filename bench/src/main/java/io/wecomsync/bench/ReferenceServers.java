package io.wecomsync.bench;

import io.netty.handler.codec.http.HttpResponseStatus;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.message.WxCpMessageRouter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The references the ingest figures are measured against, in the bench's JVM (Reactor Netty):
 * <ul>
 *   <li>a pass-through endpoint that only reads the body and answers 200 (a second gateway routes
 *       callbacks to it: the gateway's own cost, without wx-service);</li>
 *   <li>a WxJava-only receiver doing what the usual WxJava demo does —
 *       {@code WxCpXmlMessage.fromEncryptedXml}, then the message router — storing nothing, on a pool
 *       of 32 threads as a servlet container would run it.</li>
 * </ul>
 */
final class ReferenceServers implements AutoCloseable {

    private final DisposableServer passThrough;
    private final DisposableServer wxJava;
    private final Scheduler workers = Schedulers.newBoundedElastic(32, 100_000, "wxjava-receiver");

    ReferenceServers(int passThroughPort, int wxJavaPort) {
        passThrough = HttpServer.create().host("127.0.0.1").port(passThroughPort)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> response.sendString(Mono.just("success")).then()))
                .bindNow();

        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(BenchSystem.CORP);
        config.setAgentId(BenchSystem.AGENT);
        config.setToken(BenchSystem.CALLBACK_TOKEN);
        config.setAesKey(BenchSystem.AES_KEY);
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(config);
        WxCpMessageRouter router = new WxCpMessageRouter(service);
        router.rule().async(false).event("change_contact").handler((message, context, cp, sessions) -> null).end();
        wxJava = HttpServer.create().host("127.0.0.1").port(wxJavaPort)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                        .publishOn(workers)
                        .map(body -> receive(request, body, config, router))
                        .flatMap(ok -> ok
                                ? response.sendString(Mono.just("success")).then()
                                : response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("bad callback")).then()))
                .bindNow();
    }

    private static boolean receive(HttpServerRequest request, String body, WxCpDefaultConfigImpl config, WxCpMessageRouter router) {
        try {
            Map<String, String> query = query(request.uri());
            WxCpXmlMessage message = WxCpXmlMessage.fromEncryptedXml(body, config, query.get("timestamp"),
                    query.get("nonce"), query.get("msg_signature"));
            router.route(message);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> values = new HashMap<>();
        int question = uri.indexOf('?');
        if (question >= 0) {
            for (String pair : uri.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        passThrough.disposeNow();
        wxJava.disposeNow();
        workers.dispose();
    }
}

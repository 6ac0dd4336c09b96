package io.wecomsync.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A CRM that answers 200 to every user it is sent and counts them, so the outbox really delivers. */
final class StubCrm implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();

    StubCrm(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

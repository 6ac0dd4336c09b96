package io.wecomsync.infra.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free TCP ports for processes the tests and benchmarks start, which bind them a few seconds later.
 *
 * <p>The ports come from below the kernel's ephemeral range: a port the kernel handed out for
 * {@code bind(0)} is one it also hands to outgoing connections (JDBC, Redis, HTTP clients of every
 * process on the machine), so one of those could take it before the child binds it ("Port … was already
 * in use"). Below that range only listeners bind, so a port found free stays free unless another
 * test run picks the same one; a random pick and a per-JVM memory of given ports make that unlikely.
 */
public final class FreePorts {

    static final int LOWEST = 15000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nobody listens on now, outside the ephemeral range, not given before in this JVM. */
    public static int find() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + end);
    }

    /** The first port the kernel uses for outgoing connections (Linux; the common default elsewhere). */
    static int ephemeralStart() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > LOWEST + 1000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

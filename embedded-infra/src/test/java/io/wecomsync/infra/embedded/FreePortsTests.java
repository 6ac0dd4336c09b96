package io.wecomsync.infra.embedded;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTests {

    @Test
    void portsComeFromBelowTheRangeOutgoingConnectionsUseAndAreNeverGivenTwice() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            int port = FreePorts.find();
            assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralStart() - 1);
            assertThat(ports.add(port)).as("port %d given twice", port).isTrue();
        }
        int port = ports.iterator().next();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(port));
            assertThat(server.isBound()).isTrue();
        }
    }

    @Test
    void theKernelsOwnPicksLieInTheRangeFreePortsAvoids() throws Exception {
        try (ServerSocket kernelChosen = new ServerSocket(0)) {
            assertThat(kernelChosen.getLocalPort()).isGreaterThanOrEqualTo(FreePorts.ephemeralStart());
        }
    }
}

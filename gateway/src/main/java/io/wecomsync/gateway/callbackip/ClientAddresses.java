package io.wecomsync.gateway.callbackip;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy — then the nearest
 * untrusted hop of {@code X-Forwarded-For}, read from the right (entries further left are whatever
 * the client claimed).
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static InetAddress resolve(ServerHttpRequest request, IpRanges trustedProxies) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
        String[] hops = String.join(",", forwarded).split(",");
        InetAddress client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Parses an address literal without ever resolving a name; {@code null} when it is not one. */
    private static InetAddress literal(String value) {
        if (value.isEmpty() || !value.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

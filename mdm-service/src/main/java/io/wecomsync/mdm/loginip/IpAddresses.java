package io.wecomsync.mdm.loginip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes IPv4/IPv6 literals and CIDR blocks and writes them in one canonical form. Never
 * resolves a host name: anything that is not a literal is refused before {@link InetAddress} sees it.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpAddresses() {
    }

    /** The canonical form of {@code text} (e.g. {@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code 2001:db8:0:0:0:0:0:1}), or empty. */
    static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        String prefix = slash >= 0 ? value.substring(slash + 1) : null;
        String host = slash >= 0 ? value.substring(0, slash) : value;
        Optional<String> address = ipv4(host).or(() -> ipv6(host));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (prefix == null) {
            return address;
        }
        int maxBits = address.get().contains(":") ? 128 : 32;
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxBits) {
            return Optional.empty();
        }
        return Optional.of(address.get() + "/" + Integer.parseInt(prefix));
    }

    private static Optional<String> ipv4(String value) {
        Matcher m = IPV4.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            out.append(i > 1 ? "." : "").append(octet);
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> ipv6(String value) {
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // a literal made of hex digits, ':' and '.' only: parsed, never looked up
            return Optional.of(InetAddress.getByName(value).getHostAddress().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

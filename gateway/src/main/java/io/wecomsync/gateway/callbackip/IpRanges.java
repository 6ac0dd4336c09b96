package io.wecomsync.gateway.callbackip;

import io.wecomsync.gateway.web.ParsedOnChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A set of addresses and CIDR blocks, matched with Spring Security's {@link IpAddressMatcher}.
 * Entries that are not address literals are skipped (and logged), never looked up.
 */
final class IpRanges {

    private static final Logger log = LoggerFactory.getLogger(IpRanges.class);
    static final IpRanges EMPTY = new IpRanges(List.of(), List.of());

    private final List<String> source;
    private final List<IpAddressMatcher> matchers;

    private IpRanges(List<String> source, List<IpAddressMatcher> matchers) {
        this.source = source;
        this.matchers = matchers;
    }

    static IpRanges of(List<String> entries) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String entry : entries) {
            String value = entry == null ? "" : entry.strip();
            if (!value.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                log.warn("ignoring '{}': not an IP address or CIDR block", value);
                continue;
            }
            try {
                matchers.add(new IpAddressMatcher(value));
            } catch (IllegalArgumentException e) {
                log.warn("ignoring '{}': {}", value, e.getMessage());
            }
        }
        return new IpRanges(List.copyOf(entries), List.copyOf(matchers));
    }

    /** The ranges of a list that may change at run time, parsed once per change ({@link ParsedOnChange}). */
    static Supplier<IpRanges> live(Supplier<List<String>> entries) {
        return new ParsedOnChange<>(entries, IpRanges::of);
    }

    boolean contains(InetAddress address) {
        String literal = address.getHostAddress();
        return matchers.stream().anyMatch(matcher -> matcher.matches(literal));
    }

    boolean isEmpty() {
        return matchers.isEmpty();
    }

    List<String> source() {
        return source;
    }
}

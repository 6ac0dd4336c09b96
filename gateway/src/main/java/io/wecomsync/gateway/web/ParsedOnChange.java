package io.wecomsync.gateway.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a list of settings that may change at run time (a properties bean Spring Cloud rebinds on a Nacos
 * push) parses into: the list is read on every call, so a change applies at once, but parsed again only
 * when it has changed — not per request, on the path every callback takes (and a bad entry is reported
 * once per change, not per request).
 */
public final class ParsedOnChange<T> implements Supplier<T> {

    private final Supplier<List<String>> source;
    private final Function<List<String>, T> parse;
    private volatile Parsed<T> parsed;

    public ParsedOnChange(Supplier<List<String>> source, Function<List<String>, T> parse) {
        this.source = source;
        this.parse = parse;
    }

    @Override
    public T get() {
        List<String> read = source.get(); // once per call: the list a rebind may replace meanwhile
        List<String> now = read == null ? List.of() : read;
        Parsed<T> snapshot = parsed;
        if (snapshot == null || !snapshot.source().equals(now)) {
            List<String> copy = List.copyOf(now);
            snapshot = new Parsed<>(copy, parse.apply(copy));
            parsed = snapshot;
        }
        return snapshot.value();
    }

    private record Parsed<T>(List<String> source, T value) {
    }
}

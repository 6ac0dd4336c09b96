package io.wecomsync.gateway.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A live list is parsed once per change, not per request, and a change applies at once. */
class ParsedOnChangeTests {

    private final List<String> settings = new ArrayList<>(List.of("/a/**"));
    private final AtomicInteger parses = new AtomicInteger();
    private final ParsedOnChange<Integer> sizes = new ParsedOnChange<>(() -> settings, list -> {
        parses.incrementAndGet();
        return list.size();
    });

    @Test
    void theSameListIsParsedOnceHoweverOftenItIsAskedFor() {
        for (int request = 0; request < 1_000; request++) {
            assertThat(sizes.get()).isEqualTo(1);
        }
        assertThat(parses).hasValue(1);
    }

    @Test
    void aChangedListIsParsedAgainAtOnce() {
        sizes.get();
        settings.add("/b/**"); // a rebind changes the list in place

        assertThat(sizes.get()).isEqualTo(2);
        assertThat(sizes.get()).isEqualTo(2);
        assertThat(parses).hasValue(2);
    }

    @Test
    void eachRequestReadsTheSettingOnceAndAnUnsetListIsEmpty() {
        AtomicInteger reads = new AtomicInteger();
        List<List<String>> answers = new ArrayList<>(List.of(List.of("/a/**"), List.of("/a/**", "/b/**")));
        answers.add(null);
        ParsedOnChange<Integer> counted = new ParsedOnChange<>(() -> answers.get(reads.getAndIncrement()), List::size);

        assertThat(counted.get()).isEqualTo(1);
        assertThat(counted.get()).as("the list as read by this request, not by a second read").isEqualTo(2);
        assertThat(counted.get()).as("unset").isZero();
        assertThat(reads).hasValue(3);
    }
}

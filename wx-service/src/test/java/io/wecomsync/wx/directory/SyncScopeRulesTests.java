package io.wecomsync.wx.directory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Which departments a scope takes: the nearest listed ancestor decides. */
class SyncScopeRulesTests {

    // 1 ─┬─ 2 ─┬─ 3
    //    │     └─ 9 ── 10 ── 11
    //    └─ 5
    private static final Map<Long, Long> PARENTS = Map.of(2L, 1L, 3L, 2L, 9L, 2L, 10L, 9L, 11L, 10L, 5L, 1L);
    private static final Function<Long, Long> PARENT_OF = PARENTS::get;

    @Test
    void noScopeIsTheWholeCorp() {
        DirectoryProperties.Scope whole = new DirectoryProperties.Scope(null, null);

        assertThat(whole.isWholeCorp()).isTrue();
        assertThat(whole.contains(11, PARENT_OF)).isTrue();
        assertThat(whole.contains(404, PARENT_OF)).as("a department not known yet").isTrue();
    }

    @Test
    void anIncludedSubtreeWithoutAnExcludedOneAndAnIncludeInsideTheExcludedPart() {
        DirectoryProperties.Scope scope = new DirectoryProperties.Scope(Set.of(2L, 11L), Set.of(9L));

        assertThat(scope.contains(2, PARENT_OF)).isTrue();
        assertThat(scope.contains(3, PARENT_OF)).isTrue();
        assertThat(scope.contains(9, PARENT_OF)).isFalse();
        assertThat(scope.contains(10, PARENT_OF)).isFalse();
        assertThat(scope.contains(11, PARENT_OF)).as("the nearest listed ancestor is itself").isTrue();
        assertThat(scope.contains(5, PARENT_OF)).isFalse();
        assertThat(scope.contains(1, PARENT_OF)).isFalse();
        assertThat(scope.containsAny(List.of(5L, 3L), PARENT_OF)).as("a member of 5 and 3").isTrue();
    }

    @Test
    void excludeOnlyTakesEverythingElseAndALoopInWhatWasReadEndsTheWalk() {
        DirectoryProperties.Scope scope = new DirectoryProperties.Scope(Set.of(), Set.of(9L));
        Function<Long, Long> loop = id -> id == 20L ? 21L : 20L;

        assertThat(scope.contains(3, PARENT_OF)).isTrue();
        assertThat(scope.contains(11, PARENT_OF)).isFalse();
        assertThat(scope.contains(20, loop)).isTrue();
    }
}

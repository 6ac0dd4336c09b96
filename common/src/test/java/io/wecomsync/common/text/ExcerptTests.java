package io.wecomsync.common.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExcerptTests {

    @Test
    void aTextThatFitsIsKeptWhole() {
        assertThat(Excerpt.of("mdm-service answered 503", 24)).isEqualTo("mdm-service answered 503");
        assertThat(Excerpt.of("", 2)).isEmpty();
        assertThat(Excerpt.of(null, 10)).isNull();
    }

    @Test
    void aLongerTextIsCutToTheLimitWithTheMarkIncluded() {
        String cut = Excerpt.of("connection refused: connect", 12);

        assertThat(cut).isEqualTo("connection …").hasSize(12);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
        String name = "张三😀李四";  // 😀 is two chars: a high and a low surrogate at 2 and 3

        String cut = Excerpt.of(name, 4);

        assertThat(cut).isEqualTo("张三…");
        assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).as("no half of the emoji").isTrue();
        assertThat(Excerpt.of(name, 5)).isEqualTo("张三😀…");
    }

    @Test
    void aLimitWithoutRoomForTheMarkIsRefused() {
        assertThatThrownBy(() -> Excerpt.of("text", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1");
    }
}

package io.wecomsync.wx.change;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeVocabularyTests {

    @Test
    void changeTypesAreReadAsWeComWritesThemInAnyCase() {
        assertThat(ChangeType.of("update_user")).contains(ChangeType.UPDATE_USER);
        assertThat(ChangeType.of(" Update_Party ")).contains(ChangeType.UPDATE_PARTY);
        assertThat(ChangeType.of("update_tag").orElseThrow().about()).isEqualTo(EntityKey.Kind.TAG);
        assertThat(ChangeType.of("create_user").orElseThrow().wire()).isEqualTo("create_user");
        assertThat(ChangeType.of("user_status_change")).as("not applied").isEmpty();
        assertThat(ChangeType.of(null)).isEmpty();
    }

    @Test
    void keysReadAsTheInboxStoresThem() {
        assertThat(EntityKey.user("ww1", " zhang ")).hasToString("user:ww1:zhang");
        assertThat(EntityKey.department("ww1", 7)).hasToString("dept:ww1:7");
        assertThat(EntityKey.of(ChangeType.UPDATE_TAG, "ww1", "3")).hasToString("tag:ww1:3");
        assertThat(EntityKey.other("ww1", "Subscribe")).hasToString("other:ww1:subscribe");
        assertThat(EntityKey.user("ww1", null)).hasToString("user:ww1:");
        assertThat(EntityKey.user("ww1", "x".repeat(300)).toString()).hasSize(EntityKey.MAX_LENGTH);
    }
}

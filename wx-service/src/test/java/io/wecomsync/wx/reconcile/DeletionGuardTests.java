package io.wecomsync.wx.reconcile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeletionGuardTests {

    private final ReconcileProperties.DeletionGuard guard = new ReconcileProperties.DeletionGuard(3, 10, 1000);

    @Test
    void aFewDeletionsNeverWaitWhateverTheShare() {
        assertThat(guard.needsConfirmation(3, 5)).isFalse();
        assertThat(guard.needsConfirmation(0, 0)).isFalse();
    }

    @Test
    void moreThanThePercentageWaits() {
        assertThat(guard.needsConfirmation(10, 100)).as("exactly 10 %").isFalse();
        assertThat(guard.needsConfirmation(11, 100)).isTrue();
        assertThat(guard.needsConfirmation(4, 0)).as("deleting from nothing active").isTrue();
    }

    @Test
    void moreThanTheCountWaitsEvenInAHugeCorp() {
        assertThat(guard.needsConfirmation(1000, 1_000_000)).isFalse();
        assertThat(guard.needsConfirmation(1001, 1_000_000)).isTrue();
    }
}

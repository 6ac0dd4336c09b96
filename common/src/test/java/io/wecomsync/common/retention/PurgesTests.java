package io.wecomsync.common.retention;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurgesTests {

    @Test
    void deletesBatchAfterBatchUntilOneComesUpShort() {
        AtomicInteger left = new AtomicInteger(2500);
        List<Integer> asked = new ArrayList<>();

        int total = Purges.inBatches(1000, limit -> {
            asked.add(limit);
            int deleted = Math.min(limit, left.get());
            left.addAndGet(-deleted);
            return deleted;
        });

        assertThat(total).isEqualTo(2500);
        assertThat(asked).containsExactly(1000, 1000, 1000);
        assertThat(left).hasValue(0);
    }

    @Test
    void nothingToDeleteIsOneStatement() {
        AtomicInteger calls = new AtomicInteger();

        assertThat(Purges.inBatches(1000, limit -> { calls.incrementAndGet(); return 0; })).isZero();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBatchBelowOneIsRefused() {
        assertThatThrownBy(() -> Purges.inBatches(0, limit -> 0)).hasMessageContaining("batch");
    }
}

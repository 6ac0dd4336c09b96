package io.wecomsync.common.retention;

import java.util.function.IntUnaryOperator;

/** Deleting many rows a small batch at a time, so that no statement holds locks for long. */
public final class Purges {

    private Purges() {
    }

    /**
     * Calls {@code deleteUpTo} with {@code batch} until it deletes fewer rows than that; answers how
     * many it deleted in all.
     */
    public static int inBatches(int batch, IntUnaryOperator deleteUpTo) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        int total = 0;
        int deleted;
        do {
            deleted = deleteUpTo.applyAsInt(batch);
            total += deleted;
        } while (deleted >= batch);
        return total;
    }
}

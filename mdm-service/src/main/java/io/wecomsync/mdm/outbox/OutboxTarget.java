package io.wecomsync.mdm.outbox;

/**
 * A system that is told about user changes. Implementations only make the call; the relay decides
 * when, records the outcome and retries.
 */
public interface OutboxTarget {

    /** The name rows are stored under, e.g. {@code crm}; at most 32 characters. */
    String name();

    /** Whether it is configured; changes are recorded for enabled targets only. */
    boolean enabled();

    /** Delivers one change; never throws for a failed delivery. */
    Delivery deliver(byte[] json, String idempotencyKey);

    /**
     * What a delivery came to.
     *
     * @param accepted   the target took it (2xx)
     * @param httpStatus its status, null when it could not be reached
     * @param detail     for a failure, the target's error code or the kind of connection failure — never
     *                   the text of its answer, which may quote the personal data it was sent (it is stored
     *                   and shown to operators)
     */
    record Delivery(boolean accepted, Integer httpStatus, String detail) {

        /**
         * Whether the target refused this change for good (4xx other than 408/429): such failures count
         * toward DEAD. Everything else (unreachable, time-out, 5xx, 408, 429) is an outage: it waits.
         */
        public boolean refused() {
            return !accepted && httpStatus != null && httpStatus >= 400 && httpStatus < 500
                    && httpStatus != 408 && httpStatus != 429;
        }
    }
}

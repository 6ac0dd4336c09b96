package io.wecomsync.common.mdm;

/**
 * What one item of a batch upsert came to, in the order of the request: its {@code outcome} (as the
 * single upsert answers it) and the user's id, or — when it was not written — the error's {@code code}
 * and message, with {@code retryable} telling a conflict worth trying again from a refusal. A failed
 * item changes nothing and leaves the others as they are.
 */
public record UserBatchResult(String wxUserId, WriteOutcome outcome, String userId, Integer code, String error,
                              boolean retryable) {

    public static UserBatchResult written(String wxUserId, WriteOutcome outcome, String userId) {
        return new UserBatchResult(wxUserId, outcome, userId, null, null, false);
    }

    public static UserBatchResult failed(String wxUserId, int code, String error, boolean retryable) {
        return new UserBatchResult(wxUserId, null, null, code, error, retryable);
    }

    public boolean succeeded() {
        return outcome != null;
    }
}

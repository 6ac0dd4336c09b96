package io.wecomsync.common.mdm;

/**
 * Answer to an idempotent write. {@code applied=false} means the write was older than what is
 * stored and was ignored; {@code data} is then the current state.
 */
public record WriteResponse<T>(boolean applied, WriteOutcome outcome, T data) {

    public static <T> WriteResponse<T> of(WriteOutcome outcome, T data) {
        return new WriteResponse<>(outcome.applied(), outcome, data);
    }
}

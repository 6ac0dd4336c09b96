package io.wecomsync.mdm.outbox;

import io.wecomsync.common.mdm.UserResponse;

import java.util.Optional;

/** Where the relay reads the user it delivers (deleted users included); the user feature provides it. */
public interface OutboxUsers {

    /** The user as mdm-service holds it now, joining the caller's transaction; empty when there is none. */
    Optional<UserResponse> find(String userId);
}

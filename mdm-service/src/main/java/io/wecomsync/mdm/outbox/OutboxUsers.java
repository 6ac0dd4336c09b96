package io.wecomsync.mdm.outbox;

import io.wecomsync.common.mdm.UserResponse;

import java.util.Collection;
import java.util.Map;

/** Where the relay reads the users it delivers (deleted users included); the user feature provides it. */
public interface OutboxUsers {

    /** The users as mdm-service holds them now, by userId, joining the caller's transaction; absent ones are missing. */
    Map<String, UserResponse> findAll(Collection<String> userIds);
}

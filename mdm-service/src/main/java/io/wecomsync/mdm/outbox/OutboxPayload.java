package io.wecomsync.mdm.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wecomsync.common.mdm.UserResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a target receives: the user as mdm-service holds it after the change, and what the change was.
 * <pre>
 * {"change": "RENAMED", "sequence": 7, "userId": "1860…", "corpId": "ww…",
 *  "wxUserId": "zhang", "previousWxUserId": "Zhang", "deleted": false, "user": { …UserResponse… }}
 * </pre>
 * {@code change} is the latest change since the last delivery (several coalesce into one delivery of
 * the latest state); {@code previousWxUserId} is the wxUserId the target last got, present only when
 * the user was renamed since; a deleted user is delivered with {@code "deleted": true} and its last
 * data. {@code sequence} only grows per user: a target may drop a delivery whose sequence it has seen.
 */
record OutboxPayload(String change, long sequence, String userId, String corpId, String wxUserId,
                     String previousWxUserId, boolean deleted, UserResponse user) {

    static OutboxPayload of(OutboxEntity row, long sequence, UserResponse user) {
        String previous = row.getPreviousWxUserId();
        if (previous != null && previous.equals(user.wxUserId())) {
            previous = null;
        }
        return new OutboxPayload(row.getLastChange(), sequence, user.userId(), user.corpId(), user.wxUserId(),
                previous, user.deleted(), user);
    }

    byte[] json(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an outbox delivery", e);
        }
    }

    /** The same for every try of one change of one user to one target, different for the next change. */
    String idempotencyKey(String target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((target + "\n" + userId + "\n" + sequence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.wecomsync.common.mdm;

import java.time.Instant;

/** One line of mdm-service's compact user listing: enough to compare with WeCom without the record. */
public record UserDigest(String wxUserId, String userId, String fingerprint, Instant lastEventTime, boolean deleted) {
}

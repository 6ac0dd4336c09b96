package io.wecomsync.common.mdm;

import java.time.Instant;

/** One line of mdm-service's compact department listing. */
public record DepartmentDigest(long deptId, String fingerprint, Instant lastEventTime, boolean deleted) {
}

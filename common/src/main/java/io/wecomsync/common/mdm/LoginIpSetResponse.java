package io.wecomsync.common.mdm;

import java.time.Instant;
import java.util.List;

public record LoginIpSetResponse(String type, List<String> ips, Instant updatedAt) {
}

package io.wecomsync.common.mdm;

import java.util.List;

public record TagMembersResponse(String corpId, long tagId, String tagName, List<String> users, List<Long> departments) {
}

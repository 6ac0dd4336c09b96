package io.wecomsync.common.mdm;

/** One of a corp's tags as {@code GET /tags} lists it: enough for a reconciliation to find tags WeCom no longer has. */
public record TagSummary(long tagId, String tagName) {
}

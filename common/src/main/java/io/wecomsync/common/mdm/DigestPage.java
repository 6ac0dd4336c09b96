package io.wecomsync.common.mdm;

import java.util.List;

/** A page of a compact listing, in key order; {@code next} is the {@code after} of the next page, null at the end. */
public record DigestPage<T>(List<T> items, String next) {
}

/**
 * Tags and their members (WeCom userids and department ids), changed by delta or full replacement,
 * each change with its operation-log row. Also follows user renames. May call {@code oplog}.
 */
package io.wecomsync.mdm.tag;

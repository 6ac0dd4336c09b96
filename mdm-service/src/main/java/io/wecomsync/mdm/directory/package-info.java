/**
 * The directory as operators browse it (the ops console's directory pages): the department tree with
 * member counts, a department's members, a user's tags. Read only; no mobile, email, telephone or address.
 */
package io.wecomsync.mdm.directory;

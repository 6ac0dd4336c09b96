/**
 * Per-field source event times, shared by the user and department writers: a partial update older
 * than what last set a field does not overwrite it, yet still fills fields nothing newer touched.
 */
package io.wecomsync.mdm.fieldtime;

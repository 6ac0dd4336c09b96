/**
 * The one error style of mdm-service: {@link io.wecomsync.mdm.web.MdmException} and the advice that
 * turns every failure into a {@code Result} with a stable code and the real HTTP status.
 */
package io.wecomsync.mdm.web;

/**
 * The contract of mdm-service: request/response records and {@link io.wecomsync.common.mdm.MdmApi},
 * which mdm-service implements and wx-service's Feign client extends. Depends on nothing but
 * Spring Web annotations, Bean Validation and Jackson annotations.
 */
package io.wecomsync.common.mdm;

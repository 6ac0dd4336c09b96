/**
 * The one error style of the servlet services, as a base class each service extends with its own
 * {@code @RestControllerAdvice} (nothing here registers itself).
 */
package io.wecomsync.common.web;

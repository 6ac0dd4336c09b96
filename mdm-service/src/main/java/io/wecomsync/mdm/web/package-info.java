/**
 * mdm-service's web edges: the shared error style plus body validation
 * ({@link io.wecomsync.mdm.web.ApiExceptionHandler}), checks of path identifiers
 * ({@link io.wecomsync.mdm.web.PathIds}) and who asked ({@link io.wecomsync.mdm.web.RequestSource}).
 */
package io.wecomsync.mdm.web;


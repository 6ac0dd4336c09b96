/**
 * mdm-service's web edges: the shared error style plus body validation
 * ({@link io.wecomsync.mdm.web.ApiExceptionHandler}), checks of path identifiers
 * ({@link io.wecomsync.mdm.web.PathIds}), who asked ({@link io.wecomsync.mdm.web.RequestSource}) and how large a
 * body it reads ({@link io.wecomsync.mdm.web.RequestLimits}).
 */
package io.wecomsync.mdm.web;


/**
 * Starts a real MariaDB server and a real Redis server from Maven jars, and the service jars, as child
 * processes ({@link io.wecomsync.infra.embedded.ServiceJar}; through
 * {@link io.wecomsync.infra.embedded.ClassDataCache} when a test run starts one again and again).
 * Used by tests (through {@link io.wecomsync.infra.embedded.TestInfrastructure}) and by the local
 * launcher; never by a service at run time.
 */
package io.wecomsync.infra.embedded;

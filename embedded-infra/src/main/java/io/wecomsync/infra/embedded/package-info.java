/**
 * Starts a real MariaDB server and a real Redis server from Maven jars, as child processes.
 * Used by tests (through {@link io.wecomsync.infra.embedded.TestInfrastructure}) and by the local
 * launcher; never by a service at run time.
 */
package io.wecomsync.infra.embedded;

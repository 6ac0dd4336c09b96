/**
 * Encryption at rest shared by the services: AES-256-GCM under a ring of rotatable keys.
 */
package io.wecomsync.common.crypto;

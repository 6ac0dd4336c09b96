/**
 * Personal data at rest: AES-GCM encryption of mobile and email with rotatable keys, and keyed
 * lookup hashes. Keys come only from configuration (environment in production).
 */
package io.wecomsync.mdm.pii;

/**
 * Tokens between wecom-sync's parts: HS256 JWTs signed with the shared secret, with scopes naming
 * what the bearer may do ({@link io.wecomsync.common.security.Scopes}).
 */
package io.wecomsync.common.security;
